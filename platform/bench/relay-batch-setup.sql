-- Backlog for platform/bench/relay-batch.sh: 100,000 outbox rows of one topic in schema bench.
drop schema if exists bench cascade;
create schema bench;
create table bench.outbox_event (id uuid primary key, topic text not null, message_key text not null, payload text not null,
  created_at timestamptz not null, traceparent text);
create index outbox_event_by_age on bench.outbox_event (created_at);
insert into bench.outbox_event (id, topic, message_key, payload, created_at)
select gen_random_uuid(), 'tribu.listening.mentions', 'brand-' || (i % 50), repeat('x', 600), clock_timestamp() + i * interval '1 microsecond'
from generate_series(1, 100000) i;
analyze bench.outbox_event;
