-- The platform outbox carries the W3C traceparent of the span an event was appended under (null outside a trace),
-- sent as the CloudEvents traceparent extension and the ce_traceparent Kafka header.
alter table outbox_event add column traceparent text;
