-- Where listening hears mentions: a feed, an account, a stream. The poller claims due sources with
-- FOR UPDATE SKIP LOCKED, so replicas never poll the same source at once.
create table source (
    id                    uuid primary key,
    tenant                text        not null,
    brand_id              text        not null,
    type                  text        not null,
    url                   text        not null,
    poll_interval_seconds integer     not null,
    owned_channel         boolean     not null,
    enabled               boolean     not null,
    etag                  text,
    last_modified         text,
    next_poll_at          timestamptz not null,
    last_polled_at        timestamptz,
    last_status           text,
    last_error            text,
    created_at            timestamptz not null
);
create index source_by_brand on source (tenant, brand_id);
create index source_due on source (next_poll_at) where enabled;

-- A mention heard from a source keeps the source's own id for the item: the same item heard again
-- (a restart, a feed that re-lists old items) is recognised and not stored twice.
alter table mention add column source_id uuid references source (id) on delete set null;
alter table mention add column external_id text;
create unique index mention_by_external_id on mention (source_id, external_id) where source_id is not null;
