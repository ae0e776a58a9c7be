-- The stars of the brands' reviews (publishing's tribu.publishing.review.collected.v1: Google Business Profile), one
-- row per review as it stands now: an update replaces the stars (only a later updated_at does, whatever the order of
-- delivery). Averages over time count each review at its publication, per location. Reviews without stars are not kept.
create table review_rating (
    tenant       text        not null,
    brand_id     text        not null,
    channel_id   uuid        not null,
    review_id    text        not null,
    location_id  text        not null,
    rating       integer     not null check (rating between 1 and 5),
    published_at timestamptz not null,
    updated_at   timestamptz not null,
    primary key (tenant, channel_id, review_id)
);
create index review_rating_brand on review_rating (tenant, brand_id, published_at);
