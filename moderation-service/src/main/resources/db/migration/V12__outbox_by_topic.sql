-- The relay takes network actions (hides) in a lane of their own, oldest first: this index hands them over
-- directly instead of stepping over the ten decision events per comment queued among them.
create index outbox_event_by_topic on outbox_event (topic, created_at);
