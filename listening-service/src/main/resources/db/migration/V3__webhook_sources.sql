-- Shared secret of a webhook source: the sender signs each delivery with it (HMAC-SHA256).
alter table source add column webhook_secret text;
-- Webhook sources have no URL of their own: systems deliver to /webhooks/sources/{id}.
alter table source alter column url drop not null;
