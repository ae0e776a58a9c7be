-- The drivers' day rows in binary: each term of a brand gets a number (mention_term_id) and a day's counts
-- become 12-byte entries (term id, negative, positive: big-endian int4, by id). A 30-day request then sums
-- ~190,000 entries into arrays indexed by id instead of splitting and hashing as many text lines, and reads
-- the names of only the few terms that make its answer.
--
-- The term '' (which drivers/Tokenizer never gives) counts the day's negative and positive sampled texts
-- with terms: intake adds it with every text, so a request needs no count over mention_text.

create table mention_term_id (
    tenant   text not null,
    brand_id text not null,
    term     text not null,
    id       int  not null,
    primary key (tenant, brand_id, term),
    unique (tenant, brand_id, id)
);

-- The entries of a packed day, for drivers/TermDayPacker's merge.
create function unpack_term_counts(counts bytea)
returns table (term_id int, negative int, positive int)
language sql immutable strict parallel safe as $$
    select (get_byte(counts, i) << 24) | (get_byte(counts, i + 1) << 16) | (get_byte(counts, i + 2) << 8) | get_byte(counts, i + 3),
           (get_byte(counts, i + 4) << 24) | (get_byte(counts, i + 5) << 16) | (get_byte(counts, i + 6) << 8) | get_byte(counts, i + 7),
           (get_byte(counts, i + 8) << 24) | (get_byte(counts, i + 9) << 16) | (get_byte(counts, i + 10) << 8) | get_byte(counts, i + 11)
    from generate_series(0, length(counts) - 12, 12) as i
$$;

-- Everything counted so far, folded per day: the packed lines, what intake added since, and the texts per day.
create temporary table folded_term_counts on commit drop as
select tenant, brand_id, day, term, cast(sum(negative) as int) as negative, cast(sum(positive) as int) as positive
from (select d.tenant, d.brand_id, d.day, split_part(line, chr(9), 1) as term,
             cast(split_part(line, chr(9), 2) as int) as negative, cast(split_part(line, chr(9), 3) as int) as positive
      from mention_term_day d, string_to_table(d.terms, chr(10)) as line
      union all
      select tenant, brand_id, day, term, negative, positive from mention_term
      union all
      select tenant, brand_id, cast(bucket_start at time zone 'UTC' as date), '',
             count(*) filter (where sentiment = 'negative'), count(*) filter (where sentiment = 'positive')
      from mention_text
      where sentiment in ('negative', 'positive') and cardinality(terms) > 0
      group by 1, 2, 3) as counts
group by 1, 2, 3, 4
having sum(negative) <> 0 or sum(positive) <> 0;

insert into mention_term_id (tenant, brand_id, term, id)
select tenant, brand_id, term, cast(row_number() over (partition by tenant, brand_id order by term) - 1 as int)
from (select distinct tenant, brand_id, term from folded_term_counts) as terms;

truncate mention_term_day;
alter table mention_term_day drop column terms;
alter table mention_term_day add column counts bytea not null;

insert into mention_term_day (tenant, brand_id, day, counts)
select c.tenant, c.brand_id, c.day,
       string_agg(int4send(i.id) || int4send(c.negative) || int4send(c.positive), ''::bytea order by i.id)
from folded_term_counts c
join mention_term_id i on i.tenant = c.tenant and i.brand_id = c.brand_id and i.term = c.term
group by 1, 2, 3;

truncate mention_term;
