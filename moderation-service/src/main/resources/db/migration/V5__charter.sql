-- The brand's charter (rules as JSON). Every saved version is kept: decisions name the version they came from.
create table charter_revision (
    tenant    text        not null,
    brand_id  text        not null,
    version   int         not null,
    document  jsonb       not null,
    saved_by  text        not null,
    saved_at  timestamptz not null,
    primary key (tenant, brand_id, version)
);

-- What the charter's conditions and the moderators see besides the text.
alter table inbox_item
    add column sentiment       text,
    add column sentiment_score double precision,
    add column external_id     text,
    add column tags            text[] not null default '{}';
-- Repeat offenders: an author's earlier items on the brand.
create index inbox_item_by_author on inbox_item (tenant, brand_id, author);

-- Audit: which rule (and charter version) decided, automated or not, and the evidence (scores, matched rule).
alter table decision
    add column rule_id         text,
    add column charter_version int,
    add column automated       boolean not null default false,
    add column details         jsonb;
create index decision_by_brand_time on decision (tenant, brand_id, decided_at);

-- Hide, delete and reply requested from publishing (the only service writing to networks), and their outcome.
create table network_action (
    id           uuid primary key,            -- actionId of the events
    decision_id  uuid        not null references decision (id),
    item_id      uuid        not null references inbox_item (id),
    tenant       text        not null,
    brand_id     text        not null,
    action       text        not null,       -- hide, delete, reply
    visibility   text,
    reply_text   text,
    requested_by text        not null,
    requested_at timestamptz not null,
    outcome      text        not null,       -- requested, done, failed
    reason       text,
    result_url   text,
    completed_at timestamptz
);
create index network_action_by_item on network_action (item_id);
