-- Saved replies are edited in place: each edit bumps the version the editor saw (If-Match), so that two people
-- editing at once do not silently overwrite each other.
alter table saved_reply
    add column version    bigint not null default 0,
    add column updated_at timestamptz;
