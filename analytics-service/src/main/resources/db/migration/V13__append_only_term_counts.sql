-- Intake appends its term counts to mention_term as plain rows (several rows may hold the same brand, day and
-- term: every reader and drivers/TermDayPacker sums them). With the unique key, intake's upsert waited for the
-- packer whenever the packer held the same key in its fold transaction (ingest stalled for up to a minute in
-- the 10 M bench); a plain insert into a table without a unique index waits for no row lock. The rows present
-- now are distinct keys: they stay as they are.
alter table mention_term drop constraint mention_term_pkey;
-- Readers and the packer look rows up by brand and day.
create index mention_term_by_brand_day on mention_term (tenant, brand_id, day);
