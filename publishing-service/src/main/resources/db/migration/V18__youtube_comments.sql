-- YouTube comments read from the brand's channels (commentThreads.list by channel, comments.list for replies).
-- One poll row per YouTube channel: the durable cursor of the sweep in progress and the day's quota units spent.
--   page_token        the next page of the sweep in progress (null: the next sweep starts at the newest thread);
--                     written in the transaction that stores a page's comments and their events, so a restart
--                     goes on from the first page not stored (no gap) and never announces a stored one again
--   sweep_started_at  when the sweep in progress began; watermark: when the last complete one began
--   quota_day         the Pacific-time day (YouTube's quota day) quota_used counts units for
create table youtube_poll (
    channel_id       uuid primary key references channel (id) on delete cascade,
    tenant           text        not null,
    brand_id         text        not null,
    page_token       text,
    sweep_started_at timestamptz,
    watermark        timestamptz,
    next_poll_at     timestamptz not null,
    quota_day        date,
    quota_used       integer     not null default 0,
    lease_owner      text,
    lease_until      timestamptz,
    last_error       text,
    last_error_at    timestamptz
);
create index youtube_poll_due on youtube_poll (next_poll_at);

-- Every comment announced, with the updatedAt announced and (top-level comments) the replies counted then: the
-- same comment read again announces nothing, a later updatedAt announces an edit, a changed count reads the replies.
create table youtube_comment (
    channel_id  uuid        not null references channel (id) on delete cascade,
    comment_id  text        not null,
    updated_at  timestamptz not null,
    reply_count integer     not null default 0,
    primary key (channel_id, comment_id)
);
