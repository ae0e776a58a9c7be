-- Near-duplicate band keys indexed by time bucket first: each of V15's six indexes (key, publication time, id) took
-- every new mention at a random leaf among all the mentions ever stored (~500 MB each at 10 million), so the cost of
-- storing a mention grew with what was stored (PostgreSQL 2.4 times as much per mention at 10 million, issue 23).
-- Led by the 4-day bucket of the publication time, a new mention lands in its bucket's subtree, whose size is what
-- the brands published in 4 days, whatever is stored before; a lookup probes each bucket its window spans (2 or 3
-- for the 3-day window) with the key, the time and id after it, as before (mention/MentionRepository).
-- The bucket is an expression of published_at, not a column: no table rewrite, no backfill, and the previous
-- release's pods, which do not know it, keep every row they write indexed during a rolling upgrade. It is written
-- with immutable operators only (a timestamptz minus the epoch is an interval, whose seconds do not depend on the
-- session's time zone) and must stay exactly as MentionRepository.BUCKET writes it for the planner to use the index.
-- On a large table an operator may build them before the upgrade, without locking writes, with `create index
-- concurrently if not exists` and these definitions (docs/operations.md "Upgrades"); this migration then only drops.
create index if not exists mention_story_band1 on mention
  ((floor(date_part('epoch', published_at - timestamptz '1970-01-01 00:00:00+00') / 345600)::int), (story_keys[1]),
   published_at, id) where story_keys is not null;
create index if not exists mention_story_band2 on mention
  ((floor(date_part('epoch', published_at - timestamptz '1970-01-01 00:00:00+00') / 345600)::int), (story_keys[2]),
   published_at, id) where story_keys is not null;
create index if not exists mention_story_band3 on mention
  ((floor(date_part('epoch', published_at - timestamptz '1970-01-01 00:00:00+00') / 345600)::int), (story_keys[3]),
   published_at, id) where story_keys is not null;
create index if not exists mention_story_band4 on mention
  ((floor(date_part('epoch', published_at - timestamptz '1970-01-01 00:00:00+00') / 345600)::int), (story_keys[4]),
   published_at, id) where story_keys is not null;
create index if not exists mention_story_band5 on mention
  ((floor(date_part('epoch', published_at - timestamptz '1970-01-01 00:00:00+00') / 345600)::int), (story_keys[5]),
   published_at, id) where story_keys is not null;
create index if not exists mention_story_band6 on mention
  ((floor(date_part('epoch', published_at - timestamptz '1970-01-01 00:00:00+00') / 345600)::int), (story_keys[6]),
   published_at, id) where story_keys is not null;
-- V15's indexes go in this release, as V15 dropped V6's: kept, every mention would write twelve band entries instead
-- of six. An index is no part of what the previous release reads (no column or table goes): its pods' lookups during
-- the roll give the same answers through the brand/time index (the brand's window of mentions read, as before V15).
drop index mention_story_key1, mention_story_key2, mention_story_key3, mention_story_key4, mention_story_key5,
  mention_story_key6;
