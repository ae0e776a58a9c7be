-- Repeat offenders: when each item was first hidden or deleted, on the item itself. The charter asked for it on
-- every intake batch by joining each author's items to all their decisions, which grew with the history and took
-- 0.2-1.6 s per batch at 500 comments/s; it also counted every later decision on a hidden item (a tag, an
-- assignment) as one more offence, where the charter speaks of items hidden or deleted.
alter table inbox_item add column offence_at timestamptz;
update inbox_item i set offence_at = o.first_at
from (select item_id, min(decided_at) as first_at from decision
      where to_status in ('hidden', 'deleted') group by item_id) o
where o.item_id = i.id;
-- Only offences are indexed, with their time: the lookup reads the index alone.
drop index inbox_item_by_author;
create index inbox_item_offences on inbox_item (tenant, brand_id, author, offence_at) where offence_at is not null;
