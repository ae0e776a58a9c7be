-- Moderation's requested actions (tribu.moderation.action.requested.v1), one row per action id: a
-- redelivered event inserts nothing. Same exactly-once states as delivery:
--   pending      due at next_attempt_at
--   sent-intent  a worker leased it (lease_owner until lease_until) and may have called the network;
--                after a crash the lease expires and the next worker reconciles (same idempotency key)
--   done         the network holds the result (result_external_id/url for a reply)
--   failed       refused for good, no channel, or out of attempts (last_error says why)
create table moderation_action (
    action_id          uuid primary key,
    event_id           uuid        not null,
    tenant             text        not null,
    brand_id           text        not null,
    item_id            uuid        not null,
    action             text        not null,
    network            text        not null,
    target_url         text        not null,
    target_external_id text,
    target_author      text,
    reply_text         text,
    visibility         text,
    requested_by       text        not null,
    requested_at       timestamptz not null,
    channel_id         uuid,
    state              text        not null default 'pending',
    attempts           integer     not null default 0,
    next_attempt_at    timestamptz not null,
    lease_owner        text,
    lease_until        timestamptz,
    result_external_id text,
    result_url         text,
    last_error         text,
    completed_at       timestamptz
);
create index moderation_action_due on moderation_action (next_attempt_at) where state in ('pending', 'sent-intent');
