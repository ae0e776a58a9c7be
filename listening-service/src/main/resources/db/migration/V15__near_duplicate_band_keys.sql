-- Near-duplicates: a MinHash signature of 12 minimums and 6 band keys of 64 bits (enrich/TextFingerprint) replace the
-- 64-bit SimHash and its five 13-bit bands, whose lookups read every mention of the brand sharing 13 bits (119 of 122
-- rows read were other texts at 433,000 mentions). A key is salted with the tenant and brand, so each index is the key
-- then the publication time: a lookup reads the key's mentions of the story window in time order and stops at the
-- first that agrees, whatever the number of mentions stored. Mentions stored before keep their story; they have no
-- signature and are no candidates for later copies (the story window is 3 days).
alter table mention add column signature int[], add column story_keys bigint[];
create index mention_story_key1 on mention ((story_keys[1]), published_at, id) where story_keys is not null;
create index mention_story_key2 on mention ((story_keys[2]), published_at, id) where story_keys is not null;
create index mention_story_key3 on mention ((story_keys[3]), published_at, id) where story_keys is not null;
create index mention_story_key4 on mention ((story_keys[4]), published_at, id) where story_keys is not null;
create index mention_story_key5 on mention ((story_keys[5]), published_at, id) where story_keys is not null;
create index mention_story_key6 on mention ((story_keys[6]), published_at, id) where story_keys is not null;
drop index mention_fp_band0, mention_fp_band1, mention_fp_band2, mention_fp_band3, mention_fp_band4;
-- The SimHash columns (fingerprint, fp_band0..4) stay, unused by this release, so that the previous release's pods
-- can still write their mentions during a rolling upgrade (expand/contract, docs/operations.md "Upgrades"): the
-- release after this one drops them.
