-- Client approval links: a signed URL that lets a client without an account read some posts' variants and
-- approve them or request changes. The URL carries the link id and an HMAC of it (see ApprovalLinkSigner);
-- nothing secret is stored here, so a dump of this table opens no link.
create table approval_link (
    id          uuid primary key,
    tenant      text        not null,
    brand_id    text        not null,
    key_id      text        not null,   -- the signing key's id: a link signed with a key that left the keyring opens no more
    created_by  text        not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    revoked_by  text,
    revoked_at  timestamptz
);
create index approval_link_by_brand on approval_link (tenant, brand_id, created_at);

-- The posts a link shows, in the order given.
create table approval_link_post (
    link_id  uuid    not null references approval_link (id) on delete cascade,
    position integer not null,
    post_id  uuid    not null references post (id) on delete cascade,
    primary key (link_id, position),
    unique (link_id, post_id)
);
