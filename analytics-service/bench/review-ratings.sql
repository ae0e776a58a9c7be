-- 50 locations x 2,000 reviews (100,000) of one brand over 2 years, plus another brand's 100,000: the ratings query of
-- GET /brands/{b}/reviews/ratings for 90 days by week.
begin;
insert into review_rating (tenant, brand_id, channel_id, review_id, location_id, rating, published_at, updated_at)
select 'bench', case when g % 2 = 0 then 'bench-reviews' else 'bench-other' end,
       md5('c' || (g % 100))::uuid, 'r' || g, 'accounts/1/locations/' || (g % 100), 1 + (g * 7919) % 5,
       timestamptz '2026-12-01' - (g % 730) * interval '1 day' - (g % 1440) * interval '1 minute',
       timestamptz '2026-12-01'
from generate_series(1, 200000) g;
analyze review_rating;
explain (analyze, buffers)
select location_id,
       case when published_at < timestamptz '2026-09-02' then null
            else date_trunc('week', published_at at time zone 'Europe/Paris') end,
       count(*), sum(rating)
from review_rating
where tenant = 'bench' and brand_id = 'bench-reviews' and published_at < timestamptz '2026-12-01'
group by 1, 2;
rollback;
