-- YouTube search sources: the search terms, the source's API key, and the quota units it spent on its
-- YouTube quota day (Pacific time). The sweep's cursor (publishedAfter, newest seen, page token) goes in cursor.
alter table source add column search_query text;
alter table source add column api_key text;
alter table source add column quota_day date;
alter table source add column quota_used integer not null default 0;
