-- Time-to-first-response target per brand (minutes); brands without a row use the configured default.
create table brand_sla (
    tenant                     text    not null,
    brand_id                   text    not null,
    first_response_sla_minutes integer not null,
    primary key (tenant, brand_id)
);

-- When the first decision was taken, when it was due, and when the SLA was found breached.
alter table inbox_item add column first_response_at timestamptz;
alter table inbox_item add column sla_due_at timestamptz;
alter table inbox_item add column sla_breached_at timestamptz;
create index inbox_item_sla_watch on inbox_item (sla_due_at)
    where first_response_at is null and sla_breached_at is null;
