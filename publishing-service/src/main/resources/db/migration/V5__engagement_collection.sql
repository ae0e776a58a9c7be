-- When the engagement counts of a published delivery were last read from its network.
alter table delivery add column engagement_collected_at timestamptz;
create index delivery_published on delivery (published_at) where state = 'published';
