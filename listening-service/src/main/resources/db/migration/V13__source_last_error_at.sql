-- When a source's last error happened: the error and its time stay after later successful polls (lastStatus says how
-- the latest went), so an owner sees that a feed failed overnight.
alter table source add column last_error_at timestamptz;
update source set last_error_at = last_polled_at where last_error is not null;
