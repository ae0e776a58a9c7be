-- Recurring and evergreen series: an approved post repeated by a rule in the brand's zone (see RepeatRule).
-- handled_until: every occurrence due up to it has a row in occurrence (a post, or why not); the job moves it
-- forward under the row's lock (FOR UPDATE SKIP LOCKED), so each occurrence is handled once across replicas.
create table recurrence (
    id            uuid primary key,
    tenant        text        not null,
    brand_id      text        not null,
    post_id       uuid        not null references post (id) on delete cascade,
    kind          text        not null,   -- weekly | monthly | evergreen
    days          text[]      not null,   -- weekly: MONDAY...
    day_of_month  integer     not null,   -- monthly: 1..31
    every_days    integer     not null,   -- evergreen: 1..365
    local_time    time        not null,
    timezone      text        not null,
    starts_on     date        not null,
    ends_on       date        not null,
    created_by    text        not null,
    created_at    timestamptz not null,
    stopped_by    text,
    stopped_at    timestamptz,
    handled_until timestamptz not null
);
create index recurrence_due on recurrence (handled_until) where stopped_at is null;
create index recurrence_by_brand on recurrence (tenant, brand_id, created_at);

-- What became of one occurrence: scheduled (its post), missed (the service was down past it: see the catch-up rule),
-- skipped or detached (by a user, ahead of time), failed (no post could be scheduled: reason).
create table occurrence (
    id            uuid primary key,
    recurrence_id uuid        not null references recurrence (id) on delete cascade,
    tenant        text        not null,
    local_date    date        not null,
    due_at        timestamptz not null,
    state         text        not null,
    post_id       uuid        references post (id) on delete set null,
    reason        text,
    recorded_at   timestamptz not null,
    unique (recurrence_id, local_date)
);
