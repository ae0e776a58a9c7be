-- Timeline sources (Mastodon hashtags): what to follow, and the newest status already read.
alter table source add column hashtag text;
alter table source add column cursor text;
-- Followers of the author when the source says (Mastodon), for reach and influencer measures.
alter table mention add column author_reach bigint;
