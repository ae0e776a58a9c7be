-- The drivers' examples (and the report's loudest mentions) read a brand's sampled texts largest audience
-- first. Sorting every text of the period took most of a 90-day request (~70,000 keys); in this order a
-- request reads only the first texts of the period, as far as its terms need, and stops. The included
-- columns let the period and the label be checked on the index entry.
create index mention_text_by_brand_audience
    on mention_text (tenant, brand_id, reach desc, published_at, mention_id) include (bucket_start, sentiment);
