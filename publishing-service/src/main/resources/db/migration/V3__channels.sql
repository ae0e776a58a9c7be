-- A brand's accounts on the networks. Credentials are AES-256-GCM ciphertext prefixed with the id of
-- the key that sealed them ("k2026:<base64 nonce||ciphertext||tag>"), never plaintext.
create table channel (
    id          uuid primary key,
    tenant      text        not null,
    brand_id    text        not null,
    network     text        not null,
    handle      text        not null,
    base_url    text        not null,
    credentials text        not null,
    created_by  text        not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    unique (tenant, brand_id, network, handle)
);
create index channel_by_brand on channel (tenant, brand_id);
