-- Response times per channel (issue 28): the item's source as moderation's decision.recorded.v1 now names it
-- (data.source: a network or a generic webhook channel's name). Null for items whose decisions came before the field,
-- and for an outcome heard before the item's first decision until that decision brings it.
alter table first_response add column source text;
