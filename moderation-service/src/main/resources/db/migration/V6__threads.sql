-- The conversation an interaction belongs to: the post commented on (Facebook post id, Instagram media id),
-- or the private conversation with the author; null when the source does not say.
alter table inbox_item add column thread_id text;
create index inbox_item_by_thread on inbox_item (tenant, brand_id, thread_id) where thread_id is not null;
