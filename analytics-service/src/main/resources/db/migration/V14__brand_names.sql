-- The name a brand is shown by (share of voice, the report): nothing else in the suite carries one (tokens and
-- events carry the brand id; competitors are named by listening's queries). Set per agency and brand.
create table brand_name (
    tenant     text        not null,
    brand_id   text        not null,
    name       text        not null,
    updated_at timestamptz not null,
    updated_by text        not null,
    primary key (tenant, brand_id)
);
