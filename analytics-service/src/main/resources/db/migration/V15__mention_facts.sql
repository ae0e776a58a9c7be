-- What the mention measures counted of each mention (mention/MentionFact), so that listening's mention.updated and
-- mention.withdrawn take exactly that back out of every aggregate, whatever order its events come in. A withdrawn
-- mention keeps its row (a tombstone, without content) so that a recording heard after it is not counted.
-- text and url are kept only while an edit heard before its mention.recorded waits for it (the sample's text).
-- Mentions counted before this table existed have no row: an edit of one is held forever (its recording is past),
-- a withdrawal leaves its counts as they were.
create table mention_fact (
    tenant       text        not null,
    brand_id     text        not null,
    mention_id   uuid        not null,
    recorded     boolean     not null,
    withdrawn    boolean     not null,
    edited_at    timestamptz,
    published_at timestamptz,
    source       text,
    language     text,
    sentiment    text,
    query_ids    uuid[],
    about_brand  boolean,
    competitors  text[],
    author       text,
    reach        bigint      not null,
    text         text,
    url          text,
    primary key (tenant, brand_id, mention_id)
);
