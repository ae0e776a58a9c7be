-- What the channels' view and the operators' alert show of a YouTube channel's polling (expand only: the previous
-- release neither reads nor writes them).
--   failing_since  when the polls began to fail (null: the last one stored a page, or stopped only for the quota day)
--   auth_failure   the last poll stopped because Google refused the token and it could not be renewed
alter table youtube_poll add column failing_since timestamptz;
alter table youtube_poll add column auth_failure boolean not null default false;
