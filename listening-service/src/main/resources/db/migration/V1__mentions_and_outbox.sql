-- Mentions heard about a brand, one row per post/comment/article, always scoped by tenant.
create table mention (
    id           uuid primary key,
    tenant       text        not null,
    brand_id     text        not null,
    source       text        not null,
    kind         text        not null,
    owned_channel boolean    not null,
    author       text,
    text         text        not null,
    url          text,
    language     text,
    published_at timestamptz not null,
    received_at  timestamptz not null
);
create index mention_by_brand_time on mention (tenant, brand_id, published_at desc);

-- Events written in the same transaction as the state they describe, relayed to Kafka afterwards.
create table outbox_event (
    id          uuid primary key,
    topic       text        not null,
    message_key text        not null,
    payload     text        not null,
    created_at  timestamptz not null
);
create index outbox_event_by_age on outbox_event (created_at);
