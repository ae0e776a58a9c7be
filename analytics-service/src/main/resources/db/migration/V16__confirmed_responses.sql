-- An interaction's first response follows the network's outcome (as moderation's firstResponseAt does since issue 18):
-- a hide, delete or reply asked of the network answers it when publishing reports it done
-- (tribu.publishing.action.completed.v1), not when it was decided, and a failed one answers nobody. So a row may now
-- hold an item without a response yet (a decision awaiting the network) or without its posting time yet (an outcome
-- heard before the item's first decision, which is the only event that carries it). Rows stored before kept the
-- earliest decision, the network's outcome unknown.
alter table first_response alter column responded_at drop not null;
alter table first_response alter column item_published_at drop not null;
