-- The people of each agency, as their tokens describe them: moderation has no user directory of its own (the identity
-- provider is the authority), so each authenticated call records its caller, at most once per few minutes per
-- replica. Someone who never called moderation is not here yet.
create table agency_person (
    tenant        text        not null,
    subject       text        not null,  -- the token's sub (its preferred_username when it has none)
    user_name     text        not null,  -- preferred_username: what decisions and assignments name
    display_name  text,
    email         text,
    roles         text[]      not null,
    first_seen_at timestamptz not null,
    last_seen_at  timestamptz not null,
    primary key (tenant, subject)
);
create index agency_person_by_name on agency_person (tenant, user_name);
