-- The drivers' term counts of a brand's day in ONE row: lines "term<TAB>negative<TAB>positive". A period
-- then reads one row per day instead of one per term and day (~190,000 over 30 days), and the service sums
-- them in memory. Intake keeps adding to mention_term, which now holds what drivers/TermDayPacker has
-- not folded into these rows yet (it may hold negative counts: a text left the sample after its day was
-- packed); a request reads both in one statement.
create table mention_term_day (
    tenant   text not null,
    brand_id text not null,
    day      date not null,
    terms    text not null,
    primary key (tenant, brand_id, day)
);

insert into mention_term_day (tenant, brand_id, day, terms)
select tenant, brand_id, day, string_agg(term || chr(9) || negative || chr(9) || positive, chr(10))
from mention_term
where negative <> 0 or positive <> 0
group by tenant, brand_id, day;

truncate mention_term;
