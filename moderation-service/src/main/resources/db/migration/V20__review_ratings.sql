-- Reviews (Google Business Profile through publishing, Trustpilot-style sites through the generic webhook) carry the
-- customer's stars: the inbox filters on them (?rating=1,2), charters test them ({"rating": {"max": 2}}), the item
-- shows them. Null for every other interaction.
alter table inbox_item add column rating integer check (rating between 1 and 5);
create index inbox_item_rating on inbox_item (tenant, brand_id, rating, published_at desc) where rating is not null;
