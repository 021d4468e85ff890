package org.formularium.security;

/** Staff roles. Citizens are anonymous and have none. */
public enum Role {
    DESIGNER, CLERK, ADMIN;

    /** Names as used in {@code @RolesAllowed}. */
    public static final String DESIGNER_NAME = "DESIGNER";
    public static final String CLERK_NAME = "CLERK";
    public static final String ADMIN_NAME = "ADMIN";

    public String authority() {
        return "ROLE_" + name();
    }
}
