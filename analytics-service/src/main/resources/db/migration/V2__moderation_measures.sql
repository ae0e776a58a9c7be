-- Moderation decisions, one row each, for volumes by action.
create table moderation_decision (
    decision_id       uuid primary key,
    tenant            text        not null,
    brand_id          text        not null,
    item_id           uuid        not null,
    action            text        not null,
    item_published_at timestamptz not null,
    decided_at        timestamptz not null
);
create index moderation_decision_by_brand_time on moderation_decision (tenant, brand_id, decided_at);

-- First response to each interaction: the earliest decision seen, whatever order events arrive in.
create table first_response (
    tenant            text        not null,
    brand_id          text        not null,
    item_id           uuid        not null,
    item_published_at timestamptz not null,
    responded_at      timestamptz not null,
    primary key (tenant, brand_id, item_id)
);
create index first_response_by_brand_time on first_response (tenant, brand_id, item_published_at);
