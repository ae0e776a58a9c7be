-- What happened to each post, by whom and why: transitions, edits and comments.
create table post_history (
    id          uuid primary key,
    post_id     uuid        not null references post (id) on delete cascade,
    tenant      text        not null,
    actor       text        not null,
    action      text        not null,
    from_status text        not null,
    to_status   text        not null,
    comment     text,
    at          timestamptz not null
);
create index post_history_by_post on post_history (post_id, at);
