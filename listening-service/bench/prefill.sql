-- Stores mentions of agency 'bench' before a firehose run, so its rate can be compared with an empty database: 50
-- brands (the firehose's bench-a .. bench-d and bench-05 .. bench-50), publication times spread over the year before
-- now, texts of 12 words drawn from 5,000 (a few frequent, most rare, as words are), languages, sentiments, and a
-- signature and band keys of their own (unrelated texts: each mention is its own story).
-- Run by template.sh in four phases, the middle two by several sessions at once (set-based, no index maintained):
--   -v phase=prepare            the mention table's indexes dropped (their definitions kept in bench_prefill_index);
--                               100,000 texts drawn once (bench_prefill_text): drawing 12 words per row was most of
--                               the old fill's time
--   -v phase=rows -v from=F -v to=T   mentions F..T, each taking a text; ids in order of F..T, so the primary key
--                               (the one index kept) grows at its right edge instead of at 10 million random places
--   -v phase=indexes -v worker=K -v workers=N   the indexes K, K+N, K+2N... built again from their definitions
--   -v phase=finish             autovacuum back, the table frozen and analysed (once here, not by every copy's reads)
\set ON_ERROR_STOP on
select :'phase' = 'prepare' as preparing, :'phase' = 'rows' as filling, :'phase' = 'indexes' as indexing,
       :'phase' = 'finish' as finishing \gset

\if :preparing
create unlogged table bench_prefill_index as
  select row_number() over (order by indexname) as n, indexname, indexdef from pg_indexes
  where schemaname = 'public' and tablename = 'mention' and indexname <> 'mention_pkey';
create unlogged table bench_prefill_text as
  with vocabulary as (select array_agg(substr(md5(i::text), 1, 3 + i % 6) order by i) as words
                      from generate_series(1, 5000) i)
  -- word ranks skewed towards the first (frequent) ones
  select n, array_to_string(array(select words[1 + floor(4999 * random() ^ 3)::int]
                                  from generate_series(1, 12) w where n >= 0), ' ') as t
  from generate_series(0, 99999) n, vocabulary;
alter table bench_prefill_text add primary key (n);
analyze bench_prefill_text;
select format('drop index %I', indexname) from bench_prefill_index \gexec
alter table mention set (autovacuum_enabled = false);
\endif

\if :filling
set synchronous_commit = off;
insert into mention (id, tenant, brand_id, source, kind, owned_channel, author, text, language, published_at,
                     received_at, sentiment_label, sentiment_score, story_id, signature, story_keys, search_text,
                     matched_query_ids, recorded_via_api, published_at_estimated)
select id, 'bench', (array['bench-a', 'bench-b', 'bench-c', 'bench-d']
                     || array(select 'bench-' || lpad(b::text, 2, '0') from generate_series(5, 50) b))[1 + (g % 50)],
       'webhook', 'post', false, '@author' || (g % 100000), t, lang, at, at,
       (array['negative', 'neutral', 'positive'])[1 + (g % 3)], (g % 3) - 1, id, sig, keys, t, '{}', false, false
from (select g, lpad(to_hex(g), 32, '0')::uuid as id,
             now() - random() * interval '365 days' as at,
             case when g % 2 = 0 then 'fr' else 'en' end as lang,
             p.t,
             array[(random() * 2147483647)::int, (random() * 2147483647)::int, (random() * 2147483647)::int,
                   (random() * 2147483647)::int, (random() * 2147483647)::int, (random() * 2147483647)::int,
                   (random() * 2147483647)::int, (random() * 2147483647)::int, (random() * 2147483647)::int,
                   (random() * 2147483647)::int, (random() * 2147483647)::int, (random() * 2147483647)::int,
                   (random() * 2147483647)::int, (random() * 2147483647)::int, (random() * 2147483647)::int,
                   (random() * 2147483647)::int, (random() * 2147483647)::int, (random() * 2147483647)::int]
               as sig,
             array[(random() * 9.2e18)::bigint, (random() * 9.2e18)::bigint, (random() * 9.2e18)::bigint,
                   (random() * 9.2e18)::bigint, (random() * 9.2e18)::bigint, (random() * 9.2e18)::bigint] as keys
      from generate_series(:from::bigint, :to::bigint) g
      join bench_prefill_text p on p.n = (g * 7919) % 100000) r;
\endif

\if :indexing
set maintenance_work_mem = '512MB';
select format('select clock_timestamp() as "building %s"', indexname), indexdef from bench_prefill_index
where n % :workers = :worker order by n \gexec
\endif

\if :finishing
drop table bench_prefill_index, bench_prefill_text;
alter table mention reset (autovacuum_enabled);
vacuum (freeze, analyze) mention;
\endif
