-- Stores :count mentions of agency 'bench' before a firehose run, so its rate can be compared with an empty database:
-- 50 brands (the firehose's bench-a .. bench-d and bench-05 .. bench-50), publication times spread over the year
-- before now, texts of 12 words drawn from 5,000 (a few frequent, most rare, as words are), languages, sentiments,
-- and a signature and band keys of their own (unrelated texts: each mention is its own story).
-- The mention table's indexes are dropped, the rows written in steps of 500,000 (a line each), and the indexes built
-- again from their saved definitions: much faster than 10 million inserts into 16 indexes.
--   psql -v count=10000000 -f prefill.sql
\set ON_ERROR_STOP on
create temporary table prefill_index as
  select indexname, indexdef from pg_indexes
  where schemaname = 'public' and tablename = 'mention' and indexname <> 'mention_pkey';
create temporary table prefill_word as
  select array_agg(substr(md5(i::text), 1, 3 + i % 6) order by i) as words from generate_series(1, 5000) i;

select format('drop index %I', indexname) from prefill_index \gexec
alter table mention set (autovacuum_enabled = false);

create procedure pg_temp.prefill(total bigint) language plpgsql as $$
declare
  done bigint := 0;
  step bigint;
  brands text[] := array['bench-a', 'bench-b', 'bench-c', 'bench-d']
                   || array(select 'bench-' || lpad(b::text, 2, '0') from generate_series(5, 50) b);
  words text[] := (select words from prefill_word);
  started timestamptz := clock_timestamp();
begin
  while done < total loop
    step := least(500000, total - done);
    insert into mention (id, tenant, brand_id, source, kind, owned_channel, author, text, language, published_at,
                         received_at, sentiment_label, sentiment_score, story_id, signature, story_keys, search_text,
                         matched_query_ids, recorded_via_api, published_at_estimated)
    select id, 'bench', brands[1 + (g % 50)], 'webhook', 'post', false, '@author' || (g % 100000), t, lang, at, at,
           (array['negative', 'neutral', 'positive'])[1 + (g % 3)], (g % 3) - 1, id, sig, keys, t, '{}', false, false
    from (select g, gen_random_uuid() as id,
                 now() - random() * interval '365 days' as at,
                 case when g % 2 = 0 then 'fr' else 'en' end as lang,
                 -- word ranks skewed towards the first (frequent) ones
                 array_to_string(array(select words[1 + floor(4999 * random() ^ 3)::int]
                                       from generate_series(1, 12) w where g > 0), ' ') as t,
                 array[(random() * 2147483647)::int, (random() * 2147483647)::int, (random() * 2147483647)::int,
                       (random() * 2147483647)::int, (random() * 2147483647)::int, (random() * 2147483647)::int,
                       (random() * 2147483647)::int, (random() * 2147483647)::int, (random() * 2147483647)::int,
                       (random() * 2147483647)::int, (random() * 2147483647)::int, (random() * 2147483647)::int,
                       (random() * 2147483647)::int, (random() * 2147483647)::int, (random() * 2147483647)::int,
                       (random() * 2147483647)::int, (random() * 2147483647)::int, (random() * 2147483647)::int]
                   as sig,
                 array[(random() * 9.2e18)::bigint, (random() * 9.2e18)::bigint, (random() * 9.2e18)::bigint,
                       (random() * 9.2e18)::bigint, (random() * 9.2e18)::bigint, (random() * 9.2e18)::bigint] as keys
          from generate_series(done + 1, done + step) g) r;
    commit;
    done := done + step;
    raise notice '% mentions stored (% s)', done, round(extract(epoch from clock_timestamp() - started));
  end loop;
end $$;
call pg_temp.prefill(:count);

set maintenance_work_mem = '512MB';
select format('select clock_timestamp() as "building %s"', indexname), indexdef from prefill_index \gexec
alter table mention reset (autovacuum_enabled);
vacuum analyze mention;
