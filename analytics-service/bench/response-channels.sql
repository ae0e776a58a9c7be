-- First responses of one brand for bench/response-channels.sh (issue 28): tenant bench-a28, brand bench-N, N items over
-- the 90 days before 2026-12-07 spread over 7 channels, 80 % answered 30 s to 24 h after. Rerunning replaces them.
-- psql -v n=40000 -f bench/response-channels.sql
delete from first_response where tenant = 'bench-a28' and brand_id = 'bench-' || :n;
insert into first_response (tenant, brand_id, item_id, source, item_published_at, responded_at)
select 'bench-a28', 'bench-' || :n, cast(md5('a28/' || :n || '/' || i) as uuid),
       (array['facebook','instagram','mastodon','bluesky','youtube','google_business','trustpilot'])[1 + i % 7],
       timestamptz '2026-12-07T00:00:00Z' - make_interval(secs => (i::bigint * 7919) % (90 * 86400)),
       case when i % 10 < 8 then timestamptz '2026-12-07T00:00:00Z' - make_interval(secs => (i::bigint * 7919) % (90 * 86400))
                                 + make_interval(secs => 30 + (i::bigint * 104729) % 86400) end
from generate_series(1, :n) i;
analyze first_response;
