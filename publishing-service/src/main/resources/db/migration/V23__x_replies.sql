-- X (Twitter) replies to the brands' own posts, read from the account's mentions timeline (GET /2/users/:id/mentions).
-- One poll row per X channel, the same cursor columns as youtube_poll and review_poll (poll/PolledCursors moves them):
--   since_id          the newest post id of the last complete sweep: the next sweep asks only for newer ones (X's
--                     since_id), so a restart reads no post twice and skips none; null: never swept (the first sweep
--                     reads back tribu.x.lookback)
--   sweep_newest_id   the newest post id of the sweep in progress (its first page), since_id once the sweep completes
--   page_token        the pagination_token of the next (older) page of the sweep in progress
--   user_id           the account's numeric id (GET /2/users/me), asked once
create table x_poll (
    channel_id       uuid primary key references channel (id) on delete cascade,
    tenant           text        not null,
    brand_id         text        not null,
    user_id          text,
    since_id         text,
    sweep_newest_id  text,
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
create index x_poll_due on x_poll (next_poll_at);

-- Every post announced (a page read twice announces nothing twice), and the conversations whose first post was
-- looked up: own = started by the channel's account (its replies are announced), else ignored.
create table x_reply (
    channel_id uuid not null references channel (id) on delete cascade,
    tweet_id   text not null,
    primary key (channel_id, tweet_id)
);
create table x_conversation (
    channel_id      uuid    not null references channel (id) on delete cascade,
    conversation_id text    not null,
    own             boolean not null,
    primary key (channel_id, conversation_id)
);
