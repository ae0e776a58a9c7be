-- Posts of the editorial calendar: one row per post, whatever the number of networks it goes to.
create table post (
    id          uuid primary key,
    tenant      text        not null,
    brand_id    text        not null,
    title       text        not null,
    status      text        not null,
    planned_at  timestamptz,             -- null while the post has no slot in the calendar yet
    tags        text[]      not null,
    created_by  text        not null,
    created_at  timestamptz not null
);
create index post_by_brand_plan on post (tenant, brand_id, planned_at);

-- The text written for each network, in the order the author gave; one variant per network.
create table post_variant (
    post_id  uuid    not null references post (id) on delete cascade,
    position integer not null,
    network  text    not null,
    text     text    not null,
    primary key (post_id, position),
    unique (post_id, network)
);

-- Events written in the same transaction as the state they describe, relayed to Kafka afterwards.
create table outbox_event (
    id          uuid primary key,
    topic       text        not null,
    message_key text        not null,
    payload     text        not null,
    created_at  timestamptz not null
);
create index outbox_event_by_age on outbox_event (created_at);
