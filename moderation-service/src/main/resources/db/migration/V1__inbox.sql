-- Interactions (comments, replies, messages, reviews) on the brands' own channels.
create table inbox_item (
    id           uuid primary key,          -- the mention id given by listening
    tenant       text        not null,
    brand_id     text        not null,
    source       text        not null,
    kind         text        not null,
    author       text,
    text         text        not null,
    url          text,
    language     text,
    status       text        not null,
    assignee     text,
    published_at timestamptz not null,
    received_at  timestamptz not null,
    version      bigint      not null       -- optimistic lock: two moderators, one winner
);
create index inbox_item_by_brand_status on inbox_item (tenant, brand_id, status, published_at desc);

-- Audit trail: every decision, by whom, what, why, before and after.
create table decision (
    id          uuid primary key,
    item_id     uuid        not null references inbox_item (id),
    tenant      text        not null,
    brand_id    text        not null,
    actor       text        not null,
    action      text        not null,
    from_status text        not null,
    to_status   text        not null,
    assignee    text,
    reason      text,
    decided_at  timestamptz not null
);
create index decision_by_item on decision (item_id, decided_at);

create table processed_event (
    event_id     uuid primary key,
    type         text        not null,
    processed_at timestamptz not null
);

create table outbox_event (
    id          uuid primary key,
    topic       text        not null,
    message_key text        not null,
    payload     text        not null,
    created_at  timestamptz not null
);
create index outbox_event_by_age on outbox_event (created_at);
