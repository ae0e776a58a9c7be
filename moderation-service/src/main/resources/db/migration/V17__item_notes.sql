-- Notes moderators leave on an item for each other: an entry of the item's history with who wrote it.
alter table item_change add column actor text;
