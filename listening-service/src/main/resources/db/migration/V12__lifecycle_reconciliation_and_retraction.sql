-- A keyword alert is about one mention: when that mention is withdrawn at its source (or edited so that it no longer
-- carries the keyword) the alert is retracted. A retraction not yet delivered to the rule's webhook is its own
-- delivery (the raise's, if still pending, is cancelled instead), with its own delivery id.
alter table alert
    add column retracted_at        timestamptz,
    add column retraction_reason   text,
    add column retraction          text,
    add column retraction_delivery uuid;
-- one keyword alert per rule and mention, however often the mention is edited
create unique index alert_once_per_mention on alert (rule_id, mention_id) where mention_id is not null;
create index alert_by_mention on alert (mention_id) where mention_id is not null;

-- Mastodon edits and deletes reach listening only on the streaming API; one made while the stream was down is read
-- back from the REST API when the stream (re)connects. One row per source: the latest (re)connection asking for it,
-- and the run answering it, whose cursor (the last status id checked, newest first) lets any replica resume it.
create table mastodon_reconciliation (
    source_id        uuid primary key references source (id) on delete cascade,
    requested_at     timestamptz not null,
    run_requested_at timestamptz,
    run_started_at   timestamptz,
    window_start     timestamptz,
    cursor           text,
    checked          integer     not null default 0,
    edited           integer     not null default 0,
    withdrawn        integer     not null default 0,
    requests         integer     not null default 0,
    finished_at      timestamptz,
    lease_until      timestamptz,
    not_before       timestamptz,
    last_error       text
);
-- a run reads a source's mentions of the window, newest first
create index mention_by_source_time on mention (source_id, published_at) where source_id is not null;
