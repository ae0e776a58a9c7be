-- Comments and replies on the brand's published LinkedIn posts (Community Management API, socialActions/{urn}/comments),
-- read by publishing and announced as tribu.publishing.comment.collected.v1 (network linkedin). Expand only.
-- One poll row per LinkedIn channel, the cursor poll/PolledCursors moves (as youtube_poll, without a quota):
--   page_token        '<post URN> <start>': the post of the sweep in progress and the offset of its next page of
--                     top-level comments (null: the next sweep starts at the newest post); written in the transaction
--                     that stores a page's comments and their events, so a restart goes on from the first page not
--                     stored (no gap) and never announces a stored comment again
--   sweep_started_at  when the sweep in progress began; watermark: when the last complete one began
--   failing_since     when the polls began to fail (null: the last one stored a page)
--   auth_failure      the last poll stopped because LinkedIn refused the token and it could not be renewed
create table linkedin_poll (
    channel_id       uuid primary key references channel (id) on delete cascade,
    tenant           text        not null,
    brand_id         text        not null,
    page_token       text,
    sweep_started_at timestamptz,
    watermark        timestamptz,
    next_poll_at     timestamptz not null,
    lease_owner      text,
    lease_until      timestamptz,
    last_error       text,
    last_error_at    timestamptz,
    failing_since    timestamptz,
    auth_failure     boolean     not null default false
);
create index linkedin_poll_due on linkedin_poll (next_poll_at);

-- Every comment announced (its URN), with the lastModified announced and (top-level comments) the replies counted
-- then: read again unchanged it announces nothing, a later lastModified announces an edit.
create table linkedin_comment (
    channel_id  uuid        not null references channel (id) on delete cascade,
    comment_id  text        not null,
    updated_at  timestamptz not null,
    reply_count integer     not null default 0,
    primary key (channel_id, comment_id)
);

-- The posts a sweep walks: a channel's published deliveries, newest first.
create index delivery_published_on_channel on delivery (channel_id, published_at desc, external_id) where state = 'published';
