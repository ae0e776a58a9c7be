-- One row per published post variant (a post delivered to one channel): where and when it went out,
-- what it is (content type, Tribu tags) and the LATEST engagement snapshot publishing collected.
-- Snapshots are cumulative, so a newer collected_at replaces the counts and an older one is ignored.
-- collected_at is null until the first snapshot: such variants are listed but left out of the totals.
create table post_engagement (
    tenant       text        not null,
    brand_id     text        not null,
    variant_id   uuid        not null,
    post_id      uuid        not null,
    channel_id   uuid        not null,
    network      text        not null,
    external_id  text,
    url          text,
    content_type text,
    tags         text[]      not null default '{}',
    published_at timestamptz not null,
    collected_at timestamptz,
    likes        bigint,
    comments     bigint,
    shares       bigint,
    impressions  bigint,
    primary key (tenant, brand_id, variant_id)
);
create index post_engagement_by_brand_time on post_engagement (tenant, brand_id, published_at);
