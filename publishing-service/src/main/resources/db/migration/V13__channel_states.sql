-- What the channel view needs to say whether a channel still works (issue 20):
--   token_expires_at  when the access token expires, in plain text (the credentials are sealed): written when the
--                     channel is connected, its credentials changed or its token refreshed; null = no known expiry
--   credentials_at    when the credentials were last given or refreshed: an auth failure older than that is over
--                     (null on rows written by hand: created_at counts)
--   auth_failure      the delivery or action failed because the network refused the token (401, Graph code 190)
alter table channel add column token_expires_at timestamptz;
alter table channel add column credentials_at timestamptz;
update channel set credentials_at = updated_at;
alter table delivery add column auth_failure boolean not null default false;
alter table moderation_action add column auth_failure boolean not null default false;
create index delivery_outcome_by_channel on delivery (channel_id, state, outcome_at);
create index moderation_action_by_channel on moderation_action (channel_id, state, completed_at);
