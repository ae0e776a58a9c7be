-- A mention recorded through the API may carry the id of the item where it was heard (externalId): a client
-- that retries, or two systems that report the same item, store it once per tenant, brand and source.
-- Only API-recorded rows take part: a source's items are unique per source (mention_by_external_id), and
-- the rows of a deleted source keep their external ids with no source, which must not collide.
alter table mention add column recorded_via_api boolean not null default false;
create unique index mention_by_api_external_id on mention (tenant, brand_id, source, external_id)
    where recorded_via_api and external_id is not null;
