-- One row per (post, channel): the variant's text going to one account. The row is the unit of
-- exactly-once delivery; its id is the idempotency key sent to the network.
--   pending      due at next_attempt_at, nobody is working on it
--   sent-intent  a worker leased it (lease_owner until lease_until) and may have called the network;
--                after a crash the lease expires and the next worker reconciles with the same key
--   published    the network has the post (external_id, url)
--   failed       refused for good or out of attempts (last_error says why)
create table delivery (
    id              uuid primary key,
    tenant          text        not null,
    brand_id        text        not null,
    post_id         uuid        not null references post (id) on delete cascade,
    channel_id      uuid        not null references channel (id) on delete cascade,
    network         text        not null,
    text            text        not null,
    due_at          timestamptz not null,
    state           text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    lease_owner     text,
    lease_until     timestamptz,
    external_id     text,
    url             text,
    last_error      text,
    published_at    timestamptz,
    unique (post_id, channel_id)
);
create index delivery_due on delivery (next_attempt_at) where state in ('pending', 'sent-intent');
create index delivery_by_post on delivery (post_id);
