package io.tribu.publishing.approval;

import io.tribu.platform.access.Roles;
import io.tribu.publishing.post.PostStatus;

import java.util.Locale;
import java.util.Set;

/** The moves of the approval workflow: from which status, to which, and who may make them. */
public enum PostAction {
    SUBMIT(PostStatus.DRAFT, PostStatus.IN_REVIEW, Set.of(Roles.ADMIN, Roles.COMMUNITY_MANAGER)),
    APPROVE(PostStatus.IN_REVIEW, PostStatus.APPROVED, Set.of(Roles.ADMIN, Roles.CLIENT_APPROVER)),
    REQUEST_CHANGES(PostStatus.IN_REVIEW, PostStatus.DRAFT, Set.of(Roles.ADMIN, Roles.CLIENT_APPROVER)),
    SCHEDULE(PostStatus.APPROVED, PostStatus.SCHEDULED, Set.of(Roles.ADMIN, Roles.COMMUNITY_MANAGER)),
    UNSCHEDULE(PostStatus.SCHEDULED, PostStatus.APPROVED, Set.of(Roles.ADMIN, Roles.COMMUNITY_MANAGER));

    private final PostStatus from;
    private final PostStatus to;
    private final Set<String> roles;

    PostAction(PostStatus from, PostStatus to, Set<String> roles) {
        this.from = from;
        this.to = to;
        this.roles = roles;
    }

    public PostStatus from() {
        return from;
    }

    public PostStatus to() {
        return to;
    }

    public Set<String> roles() {
        return roles;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static PostAction fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
