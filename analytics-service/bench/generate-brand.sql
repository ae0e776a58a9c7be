-- Benchmark data for the dashboard and the agency overview, written as analytics' intake would have left it:
-- agency :tenant, brand bench-1m with :big mentions and bench-01 .. bench-49 with :small each, over the 90 days
-- ending at :end (an instant, cut to its hour). Every value comes from a hash of the row's key (no random()), and
-- the brands' earlier rows are deleted first, in the same transaction: a rerun with the same arguments gives the
-- same rows. Run by bench/generate.sh, which documents the arguments.
\set ON_ERROR_STOP on
\timing on
begin;
set local jit = off;

-- Uniform in [0, 1) from a key and a salt.
create function pg_temp.u(k bigint, salt bigint) returns float8 language sql immutable parallel safe
as $$ select (hashint8extended(k, salt) & 4503599627370495)::float8 / 4503599627370496 $$;

create temporary table bench_brand on commit drop as
select 0 as b, 'bench-1m' as brand, cast(:big as bigint) as total, 'Bench 1M' as name
union all
select b, 'bench-' || lpad(b::text, 2, '0'), cast(:small as bigint), 'Bench ' || lpad(b::text, 2, '0')
from generate_series(1, 49) b;

\echo [1/9] removing the earlier rows of these 50 brands
delete from mention_fact where tenant = :'tenant' and brand_id in (select brand from bench_brand);
delete from mention_volume where tenant = :'tenant' and brand_id in (select brand from bench_brand);
delete from mention_breakdown where tenant = :'tenant' and brand_id in (select brand from bench_brand);
delete from mention_by_query where tenant = :'tenant' and brand_id in (select brand from bench_brand);
delete from mention_by_party where tenant = :'tenant' and brand_id in (select brand from bench_brand);
delete from mention_author where tenant = :'tenant' and brand_id in (select brand from bench_brand);
delete from mention_text where tenant = :'tenant' and brand_id in (select brand from bench_brand);
delete from mention_term where tenant = :'tenant' and brand_id in (select brand from bench_brand);
delete from mention_term_day where tenant = :'tenant' and brand_id in (select brand from bench_brand);
delete from mention_term_id where tenant = :'tenant' and brand_id in (select brand from bench_brand);
delete from listening_query where tenant = :'tenant' and brand_id in (select brand from bench_brand);
delete from brand_name where tenant = :'tenant' and brand_id in (select brand from bench_brand);
delete from moderation_decision where tenant = :'tenant' and brand_id in (select brand from bench_brand);
delete from first_response where tenant = :'tenant' and brand_id in (select brand from bench_brand);
delete from post_engagement where tenant = :'tenant' and brand_id in (select brand from bench_brand);
delete from raised_alert where tenant = :'tenant' and brand_id in (select brand from bench_brand);

\echo [2/9] mentions per hour: a daily rhythm (Paris afternoons and evenings), quieter weekends, slow growth,
\echo       a crisis of bench-1m 15 days before the end (5 hours at 8x, mostly negative), and bench-01..03 in one now
create temporary table bench_hour on commit drop as
with hours as (
    select b.b, b.brand, b.total, h,
           date_trunc('hour', cast(:'end' as timestamptz)) - interval '90 days' + make_interval(hours => h) as bucket
    from bench_brand b, generate_series(0, 2159) h),
weighted as (
    select *,
           (b = 0 and h between 2160 - 15 * 24 + 13 and 2160 - 15 * 24 + 17) or (b between 1 and 3 and h >= 2157) as spike,
           (0.35 + 0.65 * (0.5 + 0.5 * sin((extract(hour from bucket at time zone 'Europe/Paris') - 9) / 24.0 * 2 * pi())))
           * case when extract(isodow from bucket at time zone 'Europe/Paris') >= 6 then 0.75 else 1 end
           * (0.9 + 0.2 * h / 2160.0)
           * (0.85 + 0.3 * pg_temp.u(b * 10000 + h, 1)) as w0
    from hours),
final as (
    select *, w0 * case when spike then (case when b = 0 then 8 else 12 end) else 1 end as w from weighted),
cumulated as (
    select *, sum(w) over (partition by b order by h) as upto, sum(w) over (partition by b) as whole from final)
select b, brand, h, bucket, spike,
       cast(floor(total * upto / whole) - floor(total * (upto - w) / whole) as int) as mentions
from cumulated;

\echo [3/9] the mentions (source, language, sentiment, party, author with a Zipf law over 50,000 authors, audience)
create temporary table bench_mention on commit drop as
select b, brand, bucket, spike, k, mention_id, published_at, source, language,
       case when language in ('de', 'und') then 'unscored'
            when spike and u4 < 0.7 then 'negative'
            when u4 < 0.42 then 'positive' when u4 < 0.80 then 'neutral' else 'negative' end as sentiment,
       case when u5 < 0.72 then 'brand' else 'competitor' end as party,
       case when u5 < 0.72 then '' when u5 < 0.88 then 'Grain d''Or' else 'Moulin Bleu' end as competitor,
       '@fan' || a || '@' || source || '.example' as author,
       cast(floor(900000.0 / power(a, 0.9)) + (a * 7919) % 400 as bigint) as reach, u8
from (select h.b, h.brand, h.bucket, h.spike, k,
             cast(md5(h.brand || '/' || h.h || '/' || n) as uuid) as mention_id,
             h.bucket + make_interval(secs => floor(3600 * pg_temp.u(k, 2))) as published_at,
             (array['mastodon', 'mastodon', 'bluesky', 'bluesky', 'rss', 'rss', 'webhook', 'facebook'])[1 + floor(8 * pg_temp.u(k, 3))::int] as source,
             case when pg_temp.u(k, 4) < 0.55 then 'fr' when pg_temp.u(k, 4) < 0.90 then 'en'
                  when pg_temp.u(k, 4) < 0.95 then 'de' else 'und' end as language,
             pg_temp.u(k, 5) as u4, pg_temp.u(k, 6) as u5,
             cast(floor(exp(pg_temp.u(k, 7) * ln(50000))) as int) as a,
             pg_temp.u(k, 8) as u8
      from bench_hour h, generate_series(1, h.mentions) n,
           lateral (select (cast(h.b as bigint) << 40) | (cast(h.h as bigint) << 20) | n as k) key) m;
select to_char(count(*), 'FM999,999,999') || ' mentions' from bench_mention;

\echo [4/9] the ledger (mention_fact) and the hourly aggregates
insert into listening_query (tenant, brand_id, query_id, name, subject, competitor)
select :'tenant', brand, cast(md5(brand || '/' || q) as uuid), q.name, q.subject, q.competitor
from bench_brand, (values ('brand', 'Marque', 'brand', null), ('Grain d''Or', 'Grain d''Or', 'competitor', 'Grain d''Or'),
                          ('Moulin Bleu', 'Moulin Bleu', 'competitor', 'Moulin Bleu')) q(q, name, subject, competitor);
insert into brand_name (tenant, brand_id, name, updated_at, updated_by)
select :'tenant', brand, name, cast(:'end' as timestamptz), 'bench' from bench_brand;

insert into mention_fact (tenant, brand_id, mention_id, recorded, withdrawn, edited_at, published_at, source, language,
                          sentiment, query_ids, about_brand, competitors, author, reach, text, url)
select :'tenant', brand, mention_id, true, false, null, published_at, source, language, sentiment,
       array[cast(md5(brand || '/' || case party when 'brand' then 'brand' else competitor end) as uuid)],
       party = 'brand', case party when 'brand' then '{}'::text[] else array[competitor] end, author, reach, null, null
from bench_mention;

insert into mention_volume (tenant, brand_id, bucket_start, mentions)
select :'tenant', brand, bucket, count(*) from bench_mention group by 2, 3;
insert into mention_breakdown (tenant, brand_id, bucket_start, source, language, sentiment, mentions, reach)
select :'tenant', brand, bucket, source, language, sentiment, count(*), sum(reach) from bench_mention group by 2, 3, 4, 5, 6;
insert into mention_by_query (tenant, brand_id, bucket_start, query_id, sentiment, mentions, reach)
select :'tenant', brand, bucket, cast(md5(brand || '/' || case party when 'brand' then 'brand' else competitor end) as uuid),
       sentiment, count(*), sum(reach)
from bench_mention group by 2, 3, 4, 5;
insert into mention_by_party (tenant, brand_id, bucket_start, party, competitor, sentiment, mentions)
select :'tenant', brand, bucket, party, competitor, sentiment, count(*) from bench_mention group by 2, 3, 4, 5, 6;

\echo [5/9] authors per UTC day (mentions about the brand itself)
insert into mention_author (tenant, brand_id, day, author, mentions, positive, negative, reach)
select :'tenant', brand, cast(published_at at time zone 'UTC' as date), author, count(*),
       count(*) filter (where sentiment = 'positive'), count(*) filter (where sentiment = 'negative'), max(reach)
from bench_mention where party = 'brand' group by 2, 3, 4;

\echo [6/9] bench-1m's text sample (20 largest audiences per hour and label) with its terms (the other brands have none)
-- A text is a theme phrase of its label and 6 words drawn from a 20,000-word vocabulary with Zipf's law; words
-- are ASCII and no stop words, so the terms computed here (words and bigrams, distinct) are drivers/Tokenizer's.
insert into mention_text (tenant, brand_id, mention_id, bucket_start, published_at, sentiment, author, reach, url, text, terms)
select :'tenant', brand, mention_id, bucket, published_at, sentiment, author, reach,
       'https://' || source || '.example/' || mention_id, array_to_string(words, ' '),
       array(select distinct term from (select unnest(words)
                                        union all
                                        select words[i] || ' ' || words[i + 1] from generate_series(1, cardinality(words) - 1) i) x(term))
from (select *, string_to_array(case sentiment
                   when 'negative' then (array['livraison retard', 'colis abime', 'service client injoignable', 'cafe froid',
                                               'remboursement refuse', 'cold coffee'])[1 + floor(6 * u8)::int]
                   when 'positive' then (array['cafe delicieux', 'accueil chaleureux', 'service rapide', 'great coffee',
                                               'love roast'])[1 + floor(5 * u8)::int]
                   else (array['nouvelle boutique', 'horaires ouverture', 'opening hours'])[1 + floor(3 * u8)::int] end, ' ')
                || array(select 'w' || floor(exp(pg_temp.u(k, 20 + j) * ln(20000)))::int from generate_series(1, 6) j) as words
      from (select *, row_number() over (partition by brand, bucket, sentiment order by reach desc, mention_id) as rank
            from bench_mention where b = 0) ranked
      where rank <= 20) sampled;

\echo [7/9] the term counts per day, packed as drivers/TermDayPacker leaves them
create temporary table bench_term_counts on commit drop as
select tenant, brand_id, cast(bucket_start at time zone 'UTC' as date) as day, term,
       cast(count(*) filter (where sentiment = 'negative') as int) as negative,
       cast(count(*) filter (where sentiment = 'positive') as int) as positive
from mention_text, unnest(array_append(terms, '')) as term
where tenant = :'tenant' and brand_id in (select brand from bench_brand) and sentiment in ('negative', 'positive')
  and cardinality(terms) > 0
group by 1, 2, 3, 4;
insert into mention_term_id (tenant, brand_id, term, id)
select tenant, brand_id, term, cast(row_number() over (partition by tenant, brand_id order by term) - 1 as int)
from (select distinct tenant, brand_id, term from bench_term_counts) as terms;
insert into mention_term_day (tenant, brand_id, day, counts)
select c.tenant, c.brand_id, c.day,
       string_agg(int4send(i.id) || int4send(c.negative) || int4send(c.positive), ''::bytea order by i.id)
from bench_term_counts c
join mention_term_id i on i.tenant = c.tenant and i.brand_id = c.brand_id and i.term = c.term
group by 1, 2, 3;

\echo [8/9] moderation: 6 % of the mentions of mastodon, bluesky and facebook are inbox items; decisions and first responses
create temporary table bench_decision on commit drop as
select brand, mention_id as item_id, source, published_at,
       (array['reply', 'reply', 'reply', 'reply', 'hide', 'close', 'close', 'assign', 'assign', 'delete'])[1 + floor(10 * pg_temp.u(k, 40))::int] as action,
       published_at + make_interval(secs => exp(ln(30) + pg_temp.u(k, 41) * ln(2880))) as decided_at
from bench_mention
where source in ('mastodon', 'bluesky', 'facebook') and pg_temp.u(k, 39) < 0.06;
delete from bench_decision where decided_at >= cast(:'end' as timestamptz);
insert into moderation_decision (decision_id, tenant, brand_id, item_id, action, item_published_at, decided_at)
select cast(md5('decision/' || item_id) as uuid), :'tenant', brand, item_id, action, published_at, decided_at from bench_decision;
insert into first_response (tenant, brand_id, item_id, source, item_published_at, responded_at)
select :'tenant', brand, item_id, source, published_at, case when action in ('reply', 'hide', 'delete') then decided_at end
from bench_decision;

\echo [9/9] published posts with engagement: 1,200 variants for bench-1m, 60 for each other brand, on 4 channels
insert into post_engagement (tenant, brand_id, variant_id, post_id, channel_id, network, external_id, url, content_type,
                             tags, published_at, collected_at, likes, comments, shares, impressions)
select :'tenant', brand, cast(md5('variant/' || brand || '/' || i) as uuid), cast(md5('post/' || brand || '/' || i / 2) as uuid),
       cast(md5('channel/' || brand || '/' || c) as uuid), (array['mastodon', 'bluesky', 'facebook', 'instagram'])[c + 1], i::text,
       'https://' || (array['mastodon', 'bluesky', 'facebook', 'instagram'])[c + 1] || '.example/' || brand || '/' || i,
       (array['text', 'image', 'image', 'video', 'link'])[1 + i % 5],
       case when i % 2 = 0 then array[(array['noel', 'promo', 'rentree', 'soldes', 'recrutement'])[1 + (i / 2) % 5]]
            else '{}'::text[] end,
       published, case when published < cast(:'end' as timestamptz) - interval '1 day' then published + interval '1 day' end,
       likes, likes / 6, likes / 4, case when c >= 2 then likes * 40 + 100 end
from (select brand, i, c, published,
             cast(round((20 + 200 * (0.5 + 0.5 * sin((extract(hour from published at time zone 'Europe/Paris') - 12) / 24.0 * 2 * pi())))
                        * pg_temp.u(b * 100000 + i, 51)) as bigint) as likes
      from (select b.b, b.brand, i, i % 4 as c,
                   date_trunc('hour', cast(:'end' as timestamptz)) - interval '90 days'
                   + make_interval(secs => floor(90 * 86400 * pg_temp.u(b.b * 100000 + i, 50))) as published
            from bench_brand b, generate_series(1, case b.b when 0 then 1200 else 60 end) i) v) p;

commit;
\timing off
analyze mention_fact; analyze mention_volume; analyze mention_breakdown; analyze mention_by_query; analyze mention_by_party;
analyze mention_author; analyze mention_text; analyze mention_term_day; analyze mention_term_id; analyze moderation_decision;
analyze first_response; analyze post_engagement;
select brand_id, to_char(sum(mentions), 'FM999,999,999') as mentions from mention_volume
where tenant = :'tenant' and brand_id in ('bench-1m', 'bench-01', 'bench-49') group by 1 order by 1;
