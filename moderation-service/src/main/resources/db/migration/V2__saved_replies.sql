-- Answers a brand reuses, with {{variables}} filled in for each interaction.
create table saved_reply (
    id         uuid primary key,
    tenant     text        not null,
    brand_id   text        not null,
    name       text        not null,
    language   text,
    text       text        not null,
    created_at timestamptz not null,
    unique (tenant, brand_id, name)
);
