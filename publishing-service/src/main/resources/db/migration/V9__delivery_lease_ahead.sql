-- Deliveries are leased ahead of their instant (see DeliveryLeases):
--   leased       a worker holds it (lease_owner until lease_until, renewed while the worker lives) and
--                will call the network at next_attempt_at; it has NOT called yet, so a worker taking
--                over an expired lease calls plainly
--   sent-intent  the holder recorded its intent to call now and may have called; a worker taking over
--                an expired lease reconciles with the same idempotency key
drop index delivery_due;
create index delivery_due on delivery (next_attempt_at) where state in ('pending', 'leased', 'sent-intent');
