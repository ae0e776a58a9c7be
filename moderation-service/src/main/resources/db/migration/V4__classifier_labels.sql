-- Classifier labels present on the item (score >= 0.5), with score and evidence:
-- {"insult": {"score": 0.85, "evidence": ["idiot"]}, ...}
alter table inbox_item add column labels jsonb not null default '{}'::jsonb;
create index inbox_item_labels on inbox_item using gin (labels);
