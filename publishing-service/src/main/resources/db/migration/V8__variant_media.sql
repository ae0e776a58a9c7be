-- Images and videos of a variant: public URLs the network fetches (Instagram and Facebook read them themselves),
-- kept as a JSON array of strings; copied to each delivery with the text.
alter table post_variant add column media text not null default '[]';
alter table delivery add column media text not null default '[]';
