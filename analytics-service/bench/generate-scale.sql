-- Aggregates equivalent to :scale mentions for 50 brands (bench-00..bench-49) of tenant 'bench'
-- over the 90 days before 2026-11-01, spread over hours with a daily rhythm, 3 sources, 2 languages,
-- 4 sentiment labels, 3 listening queries (the brand's and 2 competitors'), 300 authors per brand and
-- the bounded text sample with its per-day term counts (mention_term_day).
\set ON_ERROR_STOP on
create temporary table bench_hours as
select b, 'bench-' || lpad(b::text, 2, '0') as brand, h,
       timestamptz '2026-08-03 00:00:00+00' + make_interval(hours => h) as bucket,
       greatest(1, round(:scale::numeric / (50 * 2160) * (0.4 + 1.2 * (0.5 + 0.5 * sin((h % 24) / 24.0 * 2 * pi() - pi() / 2)))
                         * (0.8 + 0.4 * random())))::bigint as mentions
from generate_series(0, 49) b, generate_series(0, 2159) h;

insert into mention_volume (tenant, brand_id, bucket_start, mentions)
select 'bench', brand, bucket, mentions from bench_hours;

insert into mention_breakdown (tenant, brand_id, bucket_start, source, language, sentiment, mentions, reach)
select 'bench', brand, bucket, s.source, l.language, t.sentiment,
       greatest(0, round(mentions * s.w * l.w * t.w))::bigint, round(mentions * s.w * l.w * t.w * 800)::bigint
from bench_hours,
     (values ('mastodon', 0.5), ('rss', 0.3), ('bluesky', 0.2)) s(source, w),
     (values ('fr', 0.7), ('en', 0.3)) l(language, w),
     (values ('positive', 0.3), ('neutral', 0.45), ('negative', 0.15), ('unscored', 0.1)) t(sentiment, w);

insert into listening_query (tenant, brand_id, query_id, name, subject, competitor)
select 'bench', 'bench-' || lpad(b::text, 2, '0'), md5('bench' || b || q)::uuid, q.name, q.subject, q.competitor
from generate_series(0, 49) b,
     (values ('own', 'Marque', 'brand', null), ('r1', 'Grain d''Or', 'competitor', 'Grain d''Or'),
             ('r2', 'Moulin Bleu', 'competitor', 'Moulin Bleu')) q(q, name, subject, competitor);

insert into mention_by_query (tenant, brand_id, bucket_start, query_id, sentiment, mentions, reach)
select 'bench', brand, bucket, md5('bench' || b || q.q)::uuid, t.sentiment, round(mentions * q.w * t.w)::bigint,
       round(mentions * q.w * t.w * 800)::bigint
from bench_hours, (values ('own', 0.7), ('r1', 0.2), ('r2', 0.1)) q(q, w),
     (values ('positive', 0.3), ('neutral', 0.45), ('negative', 0.15), ('unscored', 0.1)) t(sentiment, w);

insert into mention_by_party (tenant, brand_id, bucket_start, party, competitor, sentiment, mentions)
select 'bench', brand, bucket, p.party, p.competitor, t.sentiment, round(mentions * p.w * t.w)::bigint
from bench_hours, (values ('brand', '', 0.7), ('competitor', 'Grain d''Or', 0.2), ('competitor', 'Moulin Bleu', 0.1)) p(party, competitor, w),
     (values ('positive', 0.3), ('neutral', 0.45), ('negative', 0.15), ('unscored', 0.1)) t(sentiment, w);

insert into mention_author (tenant, brand_id, day, author, mentions, positive, negative, reach)
select 'bench', 'bench-' || lpad(b::text, 2, '0'), date '2026-08-03' + d, 'author-' || a,
       1 + (a * 7 + d) % 5, (a * 3 + d) % 3, (a + d) % 2, (a * 97) % 100000
from generate_series(0, 49) b, generate_series(0, 89) d, generate_series(0, 299) a;

-- The text sample as intake keeps it: per brand, hour and label the largest audiences up to 20 (here the
-- hour's positive and negative mentions, capped), each with its terms. A text is a theme phrase of its side
-- and 6 words drawn from a 20,000-word vocabulary with Zipf's law (rank r with probability ~ 1/r), so most
-- bigrams are rare, as in real posts; words are ASCII and no stop words, so the terms computed here (words
-- and bigrams, distinct) are exactly what drivers/Tokenizer gives for the text.
create temporary table bench_texts as
select brand, bucket, side, n, string_to_array(theme, ' ') || array(select 'w' || floor(exp(random() * ln(20000)))::int
                                              from generate_series(1, 6 + 0 * n)) as words
from (select brand, bucket, h, s.side, n,
             case s.side when 'negative' then (array['livraison retard', 'colis abime', 'service client injoignable',
                                                      'cafe froid', 'remboursement refuse'])[1 + (h + n) % 5]
                         else (array['cafe delicieux', 'accueil chaleureux', 'service rapide', 'great coffee',
                                     'love roast'])[1 + (h * 3 + n) % 5] end as theme
      from bench_hours, (values ('positive', 0.3), ('negative', 0.15)) s(side, w),
           generate_series(1, least(20, round(mentions * s.w))::int) n) t;

insert into mention_text (tenant, brand_id, mention_id, bucket_start, published_at, sentiment, author, reach, url, text, terms)
select 'bench', brand, md5(brand || bucket || side || n)::uuid, bucket, bucket + make_interval(mins => n), side,
       'author-' || ((extract(epoch from bucket)::bigint / 3600 * 13 + n) % 300),
       ((extract(epoch from bucket)::bigint / 3600 * 31 + n * 17) % 100000), null, array_to_string(words, ' '),
       array(select distinct term from (select unnest(words)
                                        union all
                                        select words[i] || ' ' || words[i + 1] from generate_series(1, cardinality(words) - 1) i) x(term))
from bench_texts;

-- The day counts as drivers/TermDayPacker leaves them, one row per brand and day of entries (term id,
-- negative, positive) with the brand's terms numbered, and the texts counted under the term '', rebuilt
-- from every bench text (the ones ingested through Kafka before included).
delete from mention_term where tenant = 'bench';
delete from mention_term_day where tenant = 'bench';
delete from mention_term_id where tenant = 'bench';
create temporary table bench_term_counts as
select tenant, brand_id, cast(bucket_start at time zone 'UTC' as date) as day, term,
       cast(count(*) filter (where sentiment = 'negative') as int) as negative,
       cast(count(*) filter (where sentiment = 'positive') as int) as positive
from mention_text, unnest(array_append(terms, '')) as term
where tenant = 'bench' and sentiment in ('negative', 'positive') and cardinality(terms) > 0
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

analyze mention_volume; analyze mention_breakdown; analyze mention_by_query; analyze mention_by_party;
analyze mention_author; analyze mention_text; analyze listening_query; analyze mention_term_day; analyze mention_term_id;
select to_char(sum(mentions), 'FM999,999,999') || ' mentions generated' from bench_hours;

-- Published post variants with their latest engagement snapshot: :posts variants over the same 90 days,
-- 4 channels per brand (2 with impressions), evening- and lunch-heavy publication hours, 5 content types
-- and campaign tags on half of them. Engagement grows with the hour's usual audience, so best-time has a signal.
insert into post_engagement (tenant, brand_id, variant_id, post_id, channel_id, network, external_id, url, content_type,
                             tags, published_at, collected_at, likes, comments, shares, impressions)
select 'bench', 'bench-' || lpad(b::text, 2, '0'), md5('variant' || i)::uuid, md5('post' || i)::uuid,
       md5('channel' || b || '/' || c)::uuid, (array['mastodon', 'bluesky', 'facebook', 'instagram'])[c + 1], i::text, null,
       (array['text', 'image', 'image', 'video', 'link'])[1 + i % 5],
       case when i % 2 = 0 then array[(array['noel', 'promo', 'rentree', 'soldes', 'recrutement'])[1 + (i / 2) % 5]]
            else '{}'::text[] end,
       published, published + interval '7 days',
       likes, likes / 6, likes / 4, case when c >= 2 then likes * 40 + 100 end
from (select i, b, c, published,
             round((20 + 200 * (0.5 + 0.5 * sin((extract(hour from published) - 12) / 24.0 * 2 * pi()))) * random())::bigint as likes
      from (select i, i % 50 as b, (i / 50) % 4 as c,
                   timestamptz '2026-08-03 00:00:00+00' + make_interval(secs => (random() * 90 * 86400)::int) as published
            from generate_series(1, :posts) i) v) p;
analyze post_engagement;
select to_char(count(*), 'FM999,999,999') || ' post variants generated' from post_engagement where tenant = 'bench';
