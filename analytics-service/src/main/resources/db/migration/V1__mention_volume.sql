-- Ids of the events already applied: written in the same transaction as their effect, so a
-- redelivered event is recognised and changes nothing.
create table processed_event (
    event_id     uuid primary key,
    type         text        not null,
    processed_at timestamptz not null
);

-- Mentions per brand and hour (UTC), bucketed by when they were published, so late events land
-- in the right hour.
create table mention_volume (
    tenant       text        not null,
    brand_id     text        not null,
    bucket_start timestamptz not null,
    mentions     bigint      not null,
    primary key (tenant, brand_id, bucket_start)
);
