-- Listening queries of a brand (boolean language, see README), tagged as the brand itself or a competitor;
-- the ids of the queries a mention matched.
create table listening_query (
    id         uuid primary key,
    tenant     text        not null,
    brand_id   text        not null,
    name       text        not null,
    query      text        not null,
    subject    text        not null check (subject in ('brand', 'competitor')),
    competitor text,
    enabled    boolean     not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    check ((subject = 'competitor') = (competitor is not null))
);
create index listening_query_by_brand on listening_query (tenant, brand_id);
create index listening_query_by_update on listening_query (updated_at);

alter table mention add column matched_query_ids uuid[] not null default '{}';
