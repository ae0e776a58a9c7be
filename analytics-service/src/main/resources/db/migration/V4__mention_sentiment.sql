-- Sentiment joins the volume dimensions: every existing row predates sentiment, hence 'unscored'.
alter table mention_breakdown add column sentiment text not null default 'unscored';
alter table mention_breakdown drop constraint mention_breakdown_pkey;
alter table mention_breakdown add primary key (tenant, brand_id, bucket_start, source, language, sentiment);

-- Mentions per listening query, hour and sentiment: the "by query" dimension. A mention matching
-- two queries counts once in each.
create table mention_by_query (
    tenant       text        not null,
    brand_id     text        not null,
    bucket_start timestamptz not null,
    query_id     uuid        not null,
    sentiment    text        not null,
    mentions     bigint      not null,
    reach        bigint      not null,
    primary key (tenant, brand_id, bucket_start, query_id, sentiment)
);

-- The latest name and subject seen for each listening query, to label the breakdowns.
create table listening_query (
    tenant     text not null,
    brand_id   text not null,
    query_id   uuid not null,
    name       text,
    subject    text not null,
    competitor text,
    primary key (tenant, brand_id, query_id)
);

-- Share of voice: mentions per party (the brand itself, or a named competitor), hour and sentiment.
-- A mention counts once per party however many of that party's queries it matched.
create table mention_by_party (
    tenant       text        not null,
    brand_id     text        not null,
    bucket_start timestamptz not null,
    party        text        not null,
    competitor   text        not null,
    sentiment    text        not null,
    mentions     bigint      not null,
    primary key (tenant, brand_id, bucket_start, party, competitor, sentiment)
);
