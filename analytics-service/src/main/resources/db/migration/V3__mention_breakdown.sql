-- Mentions and their authors' reach per brand, hour, source and language: the dimensions of the
-- volume dashboards. "und" stands for an unknown language.
create table mention_breakdown (
    tenant       text        not null,
    brand_id     text        not null,
    bucket_start timestamptz not null,
    source       text        not null,
    language     text        not null,
    mentions     bigint      not null,
    reach        bigint      not null,
    primary key (tenant, brand_id, bucket_start, source, language)
);
