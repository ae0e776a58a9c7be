-- Events waiting to be relayed to Kafka (transactional outbox), deleted once the broker acknowledged them.
create table outbox_event (
    id          uuid primary key,
    topic       text        not null,
    message_key text        not null,
    payload     text        not null,
    created_at  timestamptz not null
);
create index outbox_event_by_age on outbox_event (created_at);

-- One row per crisis episode already alerted, keyed by the alert's deterministic id: an episode found
-- again on the next check raises nothing (the outbox row itself is gone once relayed).
create table raised_alert (
    alert_id   uuid primary key,
    tenant     text        not null,
    brand_id   text        not null,
    kind       text        not null,
    started_at timestamptz not null,
    raised_at  timestamptz not null
);
