-- Search by listening query (mentions/search?query=<id>): containment on the matched ids
create index mention_by_matched_query on mention using gin (matched_query_ids);
