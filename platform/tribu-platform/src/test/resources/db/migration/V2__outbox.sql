-- The services' outbox_event, as their migrations leave it: what OutboxWakeTest appends and the relay takes.
create table outbox_event (
    id          uuid primary key,
    topic       text        not null,
    message_key text        not null,
    payload     text        not null,
    created_at  timestamptz not null,
    traceparent text
);
create index outbox_event_by_age on outbox_event (created_at);
