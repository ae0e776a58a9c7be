-- Alert rules of a brand (keyword, negative spike) and the alerts they raised, with their webhook delivery.
create table alert_rule (
    id               uuid primary key,
    tenant           text        not null,
    brand_id         text        not null,
    name             text        not null,
    type             text        not null,
    keywords         text,
    min_mentions     integer     not null,
    factor           double precision not null,
    cooldown_minutes integer     not null,
    webhook_url      text,
    webhook_secret   text,
    enabled          boolean     not null,
    created_at       timestamptz not null,
    last_raised_at   timestamptz
);
create index alert_rule_by_brand on alert_rule (tenant, brand_id);

create table alert (
    id               uuid primary key,
    rule_id          uuid        not null references alert_rule (id) on delete cascade,
    tenant           text        not null,
    brand_id         text        not null,
    type             text        not null,
    raised_at        timestamptz not null,
    summary          text        not null,
    mention_id       uuid,
    observed         integer,
    expected         double precision,
    payload          text        not null,
    webhook_status   text        not null,
    webhook_attempts integer     not null default 0,
    next_attempt_at  timestamptz,
    last_error       text
);
create index alert_by_brand on alert (tenant, brand_id, raised_at desc);
create index alert_webhook_due on alert (next_attempt_at) where webhook_status = 'pending';
-- negative-spike counts read the brand's negative mentions by time
create index mention_negative_by_time on mention (tenant, brand_id, published_at) where sentiment_label = 'negative';
