-- What happens to an interaction after it arrived: edited or deleted at its source (listening's mention.updated and
-- mention.withdrawn, Meta's edited and remove verbs), and the brand's own replies seen on the network.
alter table inbox_item
    add column edited_at        timestamptz,  -- the newest edit applied: an older one arriving later is ignored
    add column withdrawn_at     timestamptz,
    add column withdrawn_reason text,         -- deleted-at-source
    -- What a comment or message carries besides its text (a photo, an image sent in private): its URLs. An
    -- image-only message is kept with an empty text and its attachment.
    add column attachments      text[] not null default '{}';

-- A withdrawn item is no longer waiting for an answer: the SLA watcher skips it.
drop index inbox_item_sla_watch;
create index inbox_item_sla_watch on inbox_item (sla_due_at)
    where first_response_at is null and sla_breached_at is null and withdrawn_at is null;

-- The item's history besides decisions (those stay in the decision table): edits, withdrawal, the brand's replies.
create table item_change (
    id            uuid primary key,
    item_id       uuid        not null references inbox_item (id),
    tenant        text        not null,
    brand_id      text        not null,
    change        text        not null,  -- edited, withdrawn, brand-replied
    changed_at    timestamptz not null,  -- at the source
    recorded_at   timestamptz not null,
    previous_text text,                  -- edited: the text before (cleared when the item is withdrawn)
    text          text,                  -- brand-replied: the brand's reply
    reason        text,                  -- withdrawn: deleted-at-source
    external_id   text                   -- brand-replied: the network's id of the reply (a redelivery adds nothing)
);
create index item_change_by_item on item_change (item_id, changed_at);
create unique index item_change_reply_once on item_change (item_id, external_id) where external_id is not null;
