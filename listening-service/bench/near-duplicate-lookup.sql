-- What one near-duplicate lookup reads: the lookup of MentionRepository (one lateral per probe, one branch per band key
-- and 4-day bucket of the window, V19) for 50
-- mentions already stored by a firehose run, each looking for another of its story within 3 days (itself excluded),
-- under EXPLAIN (ANALYZE, BUFFERS): compare the rows and buffers per probe with an empty and a filled database.
--   psql -d listening_bench -f near-duplicate-lookup.sql
\set ON_ERROR_STOP on
create temporary table probe as
  select row_number() over (order by published_at, id)::int as i, tenant, brand_id, published_at - interval '3 days' as lo,
         published_at + interval '3 days' as hi, story_keys, signature, id
  from mention where story_keys is not null and tenant = 'bench' and source_id is not null
  order by published_at desc, id limit 50;
select count(*) as mentions, (select count(*) from probe) as probes from mention;
explain (analyze, buffers, costs off, timing off, summary off)
select c.i, s.story_id
from (select i, tenant, brand_id, lo, hi, story_keys[1] k1, story_keys[2] k2, story_keys[3] k3, story_keys[4] k4,
             story_keys[5] k5, story_keys[6] k6, signature, id as excluded from probe) c
cross join lateral (
  select story_id
  from (values (0), (1), (2)) as d(n)
  cross join lateral (select floor(date_part('epoch', c.lo - timestamptz '1970-01-01 00:00:00+00') / 345600)::int + d.n as bucket) b
  cross join lateral (
    (select story_id, published_at, id from mention m
      where floor(date_part('epoch', m.published_at - timestamptz '1970-01-01 00:00:00+00') / 345600)::int = b.bucket
        and m.story_keys[1] = c.k1 and m.story_keys is not null
        and m.published_at between c.lo and c.hi
        and m.tenant = c.tenant and m.brand_id = c.brand_id and m.id is distinct from c.excluded
        and (select count(*) from unnest(m.signature, c.signature) as p(x, y) where x = y) >= 7
      order by m.published_at, m.id limit 1)
    union all
    (select story_id, published_at, id from mention m
      where floor(date_part('epoch', m.published_at - timestamptz '1970-01-01 00:00:00+00') / 345600)::int = b.bucket
        and m.story_keys[2] = c.k2 and m.story_keys is not null
        and m.published_at between c.lo and c.hi
        and m.tenant = c.tenant and m.brand_id = c.brand_id and m.id is distinct from c.excluded
        and (select count(*) from unnest(m.signature, c.signature) as p(x, y) where x = y) >= 7
      order by m.published_at, m.id limit 1)
    union all
    (select story_id, published_at, id from mention m
      where floor(date_part('epoch', m.published_at - timestamptz '1970-01-01 00:00:00+00') / 345600)::int = b.bucket
        and m.story_keys[3] = c.k3 and m.story_keys is not null
        and m.published_at between c.lo and c.hi
        and m.tenant = c.tenant and m.brand_id = c.brand_id and m.id is distinct from c.excluded
        and (select count(*) from unnest(m.signature, c.signature) as p(x, y) where x = y) >= 7
      order by m.published_at, m.id limit 1)
    union all
    (select story_id, published_at, id from mention m
      where floor(date_part('epoch', m.published_at - timestamptz '1970-01-01 00:00:00+00') / 345600)::int = b.bucket
        and m.story_keys[4] = c.k4 and m.story_keys is not null
        and m.published_at between c.lo and c.hi
        and m.tenant = c.tenant and m.brand_id = c.brand_id and m.id is distinct from c.excluded
        and (select count(*) from unnest(m.signature, c.signature) as p(x, y) where x = y) >= 7
      order by m.published_at, m.id limit 1)
    union all
    (select story_id, published_at, id from mention m
      where floor(date_part('epoch', m.published_at - timestamptz '1970-01-01 00:00:00+00') / 345600)::int = b.bucket
        and m.story_keys[5] = c.k5 and m.story_keys is not null
        and m.published_at between c.lo and c.hi
        and m.tenant = c.tenant and m.brand_id = c.brand_id and m.id is distinct from c.excluded
        and (select count(*) from unnest(m.signature, c.signature) as p(x, y) where x = y) >= 7
      order by m.published_at, m.id limit 1)
    union all
    (select story_id, published_at, id from mention m
      where floor(date_part('epoch', m.published_at - timestamptz '1970-01-01 00:00:00+00') / 345600)::int = b.bucket
        and m.story_keys[6] = c.k6 and m.story_keys is not null
        and m.published_at between c.lo and c.hi
        and m.tenant = c.tenant and m.brand_id = c.brand_id and m.id is distinct from c.excluded
        and (select count(*) from unnest(m.signature, c.signature) as p(x, y) where x = y) >= 7
      order by m.published_at, m.id limit 1)
  ) candidate
  where b.bucket <= floor(date_part('epoch', c.hi - timestamptz '1970-01-01 00:00:00+00') / 345600)::int
  order by published_at, id
  limit 1) s;
