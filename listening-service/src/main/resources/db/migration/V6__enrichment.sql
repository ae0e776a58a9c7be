-- Enrichment of each mention: sentiment, near-duplicate story, full-text search.
alter table mention
    add column sentiment_label text,
    add column sentiment_score real,
    add column story_id        uuid,
    add column fingerprint     bigint,
    add column fp_band0        integer,
    add column fp_band1        integer,
    add column fp_band2        integer,
    add column fp_band3        integer,
    add column fp_band4        integer,
    add column search_text     text;

update mention set story_id = id, search_text = lower(text) where story_id is null;
alter table mention alter column story_id set not null;

-- 'simple': no stemming, so French and English texts are searched alike; the application folds case,
-- accents and French elisions into search_text and folds the searched words the same way.
alter table mention add column search tsvector
    generated always as (to_tsvector('simple', coalesce(search_text, ''))) stored;
create index mention_search on mention using gin (search);
create index mention_story on mention (story_id);

-- Near-duplicate candidates: fingerprints within 4 bits share one of five bands.
create index mention_fp_band0 on mention (tenant, brand_id, fp_band0) where fingerprint is not null;
create index mention_fp_band1 on mention (tenant, brand_id, fp_band1) where fingerprint is not null;
create index mention_fp_band2 on mention (tenant, brand_id, fp_band2) where fingerprint is not null;
create index mention_fp_band3 on mention (tenant, brand_id, fp_band3) where fingerprint is not null;
create index mention_fp_band4 on mention (tenant, brand_id, fp_band4) where fingerprint is not null;
