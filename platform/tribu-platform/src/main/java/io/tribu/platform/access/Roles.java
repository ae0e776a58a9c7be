package io.tribu.platform.access;

/** Realm roles carried in the token's groups claim. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String COMMUNITY_MANAGER = "community-manager";
    public static final String ANALYST = "analyst";
    public static final String CLIENT_APPROVER = "client-approver";

    private Roles() {
    }
}
