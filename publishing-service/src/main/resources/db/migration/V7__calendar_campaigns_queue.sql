-- Per-brand settings of the publishing calendar: the time zone days are cut in, and the hash of the
-- secret token that opens the brand's iCalendar feed (the token itself is shown once, never stored).
create table brand_setting (
    tenant          text        not null,
    brand_id        text        not null,
    timezone        text        not null default 'Europe/Paris',
    feed_token_hash text unique,
    updated_at      timestamptz not null,
    primary key (tenant, brand_id)
);

-- Campaigns group posts in the calendar; dates are the brand's local calendar dates, end inclusive.
create table campaign (
    id         uuid primary key,
    tenant     text        not null,
    brand_id   text        not null,
    name       text        not null,
    color      text        not null,
    starts_on  date        not null,
    ends_on    date        not null,
    created_at timestamptz not null
);
create index campaign_by_brand on campaign (tenant, brand_id, starts_on);

alter table post add column campaign_id uuid references campaign (id) on delete set null;
create index post_by_campaign on post (campaign_id) where campaign_id is not null;

-- The weekly publishing slots of a channel, in the brand's time zone.
create table queue_slot (
    channel_id  uuid     not null references channel (id) on delete cascade,
    day_of_week smallint not null check (day_of_week between 1 and 7),   -- ISO: 1 = Monday
    local_time  time     not null,
    primary key (channel_id, day_of_week, local_time)
);
create index delivery_by_channel_due on delivery (channel_id, due_at);
