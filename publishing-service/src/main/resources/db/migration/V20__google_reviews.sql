-- Google Business Profile reviews read from the brands' locations (one channel per location, network google_business,
-- handle accounts/{account}/locations/{location}), newest update first (orderBy updateTime desc).
-- One poll row per location: the durable cursor of the sweep in progress.
--   page_token        the next page of the sweep in progress (null: the next sweep starts at the newest update);
--                     written in the transaction that stores a page's reviews and their events, so a restart goes on
--                     from the first page not stored (no gap) and never announces a stored review again
--   sweep_started_at  when the sweep in progress began; watermark: when the last complete one began
create table review_poll (
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
    last_error_at    timestamptz
);
create index review_poll_due on review_poll (next_poll_at);

-- Every review announced, with the updateTime announced: the same review read again announces nothing, a later
-- updateTime (the customer changed the stars or the text) announces an update.
create table google_review (
    channel_id  uuid        not null references channel (id) on delete cascade,
    review_id   text        not null,
    update_time timestamptz not null,
    primary key (channel_id, review_id)
);
