-- Interactions the network delivered without a link (Instagram comments: the webhook carries only the comment and
-- media ids). Publishing, which holds the channel's token, looks the permalink up and answers; one request per item.
create table link_request (
    item_id      uuid primary key references inbox_item (id),
    request_id   uuid        not null unique,  -- requestId of both events
    tenant       text        not null,
    brand_id     text        not null,
    requested_at timestamptz not null,
    resolved_at  timestamptz,                  -- when publishing's answer was applied
    failure      text                          -- publishing's reason when it found no link
);
