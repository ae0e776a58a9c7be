-- The agency overview counts per brand posts in review and deliveries failed in the last 24 hours: partial indexes
-- keep both reads to the few rows concerned whatever the size of the calendar.
create index post_in_review on post (tenant, brand_id, created_at) where status = 'in-review';
create index delivery_failed_by_brand on delivery (tenant, brand_id, outcome_at) where state = 'failed';
