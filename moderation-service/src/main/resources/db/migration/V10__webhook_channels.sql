-- Owned channels whose interactions the networks push to moderation: Meta (Facebook Page, Instagram) webhooks
-- signed with the app secret, or Tribu's generic signed webhook. The secrets must be kept in clear: checking an
-- HMAC needs them.
create table webhook_channel (
    id             uuid primary key,
    tenant         text        not null,
    brand_id       text        not null,
    network        text        not null,  -- facebook, instagram or generic
    account_id     text,                  -- the Page id or Instagram account id the entries name
    signing_secret text        not null,  -- Meta app secret, or the generated generic secret
    verify_token   text,                  -- Meta subscription handshake
    created_at     timestamptz not null,
    unique (tenant, brand_id, network, account_id)
);
create index webhook_channel_by_brand on webhook_channel (tenant, brand_id);
