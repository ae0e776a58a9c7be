-- The drivers' terms, tokenised once at intake instead of at every request. Each sampled text keeps its
-- terms (words and bigrams, distinct), so examples of a term are found without tokenising again; rows
-- sampled before this migration have none and take no part in the drivers.
alter table mention_text add column terms text[] not null default '{}';

-- Sampled negative and positive texts holding each term, per brand and UTC day: the drivers sum the days
-- of a period instead of reading texts. Kept equal to the sample: a text leaving it (replaced by one with
-- a larger audience, or purged) is taken off its day. The key includes the counts so a period's rows are
-- read from the index alone.
create table mention_term (
    tenant   text not null,
    brand_id text not null,
    day      date not null,
    term     text not null,
    negative int  not null,
    positive int  not null,
    primary key (tenant, brand_id, day, term) include (negative, positive)
);
