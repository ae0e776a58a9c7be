-- A bounded sample of mention texts for the sentiment drivers, the crisis "why" and example
-- mentions: at most tribu.mention-texts.per-hour texts per brand, hour and sentiment label, the first
-- ones heard. Rows older than tribu.mention-texts.retention-days (400, the longest period) are purged daily.
create table mention_text (
    tenant       text        not null,
    brand_id     text        not null,
    mention_id   uuid        not null,
    bucket_start timestamptz not null,
    published_at timestamptz not null,
    sentiment    text        not null,
    author       text,
    reach        bigint      not null,
    url          text,
    text         text        not null,
    primary key (tenant, brand_id, mention_id)
);
create index mention_text_by_brand_hour on mention_text (tenant, brand_id, bucket_start, sentiment);

-- Authors per brand and UTC day: every mention counted (not only the sampled texts), with the largest
-- audience the author had that day.
create table mention_author (
    tenant   text   not null,
    brand_id text   not null,
    day      date   not null,
    author   text   not null,
    mentions bigint not null,
    positive bigint not null,
    negative bigint not null,
    reach    bigint not null,
    primary key (tenant, brand_id, day, author)
);
