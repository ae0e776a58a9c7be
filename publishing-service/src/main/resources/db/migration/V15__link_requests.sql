-- Moderation's requests for the address of an Instagram comment (tribu.moderation.link.requested.v1), one row per
-- request id: a redelivered or repeated request inserts nothing. The worker leases due rows, asks Graph for the
-- media's permalink (or reads it from media_permalink) and records the answer with its event in one transaction:
--   pending   due at next_attempt_at (again after a rate limit, at the network's Retry-After)
--   resolved  url (null when failure says why), answered by tribu.publishing.link.resolved.v1
create table link_request (
    request_id      uuid primary key,
    event_id        uuid        not null,
    tenant          text        not null,
    brand_id        text        not null,
    item_id         uuid        not null,
    network         text        not null,
    account_id      text        not null,
    media_id        text        not null,
    comment_id      text        not null,
    state           text        not null default 'pending',
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    lease_owner     text,
    lease_until     timestamptz,
    channel_id      uuid,
    url             text,
    media_url       text,
    failure         text,
    last_error      text,
    resolved_at     timestamptz
);
create index link_request_due on link_request (next_attempt_at) where state = 'pending';

-- A media's permalink never changes: read from Graph once per agency and media, then from here.
create table media_permalink (
    tenant     text        not null,
    network    text        not null,
    media_id   text        not null,
    permalink  text        not null,
    fetched_at timestamptz not null,
    primary key (tenant, network, media_id)
);
