-- When a delivery reached its outcome (published or failed), so the post's view can say when it failed too;
-- published_at stays the network's publication instant.
alter table delivery add column outcome_at timestamptz;
update delivery set outcome_at = published_at where state = 'published';
