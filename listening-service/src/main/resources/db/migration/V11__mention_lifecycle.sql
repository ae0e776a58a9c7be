-- What happens to a mention after it was heard: edited or deleted at its source (Mastodon status.update and delete,
-- Bluesky update and delete commits); what a quote post quotes; a publication time the source did not give.
alter table mention
    add column edited_at              timestamptz,
    add column withdrawn_at           timestamptz,
    add column quoted_url             text,
    add column published_at_estimated boolean not null default false;
