set search_path = bench;
-- Before: listening's relay, a parameterised select of the batch's rows (cached plan, generic after five calls), then a
-- delete of their ids.
create or replace function bench.relay_old(n int) returns int language plpgsql as $$
declare ids uuid[]; bytes bigint;
begin
  select array_agg(id), sum(length(payload)) into ids, bytes
  from (select * from bench.outbox_event order by created_at limit n for update skip locked) s;
  delete from bench.outbox_event where id = any(ids);
  return coalesce(array_length(ids, 1), 0);
end $$;
-- After: the platform's take, one statement with literal limit (planned for it each time).
create or replace function bench.relay_new(n int) returns int language plpgsql as $$
declare taken int;
begin
  execute format($q$with taken as (delete from bench.outbox_event where id = any(array(
                    select id from bench.outbox_event where true order by created_at limit %s for update skip locked))
                 returning id, topic, message_key, payload, created_at, traceparent)
                 select count(*) from (select topic, message_key, payload, traceparent from taken order by created_at) t$q$, n)
    into taken;
  return taken;
end $$;
