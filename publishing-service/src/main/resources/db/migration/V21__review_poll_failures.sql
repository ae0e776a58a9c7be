-- Review polling keeps the same cursor row as YouTube comment polling (one piece of code moves both, poll/PolledCursors):
-- expand only, the previous release neither reads nor writes them.
--   failing_since  when the polls began to fail (null: the last one stored a page)
--   auth_failure   the last poll stopped because Google refused the token and it could not be renewed
alter table review_poll add column failing_since timestamptz;
alter table review_poll add column auth_failure boolean not null default false;
