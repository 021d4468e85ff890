package org.formularium.security;

import java.time.OffsetDateTime;
import java.util.Set;

/** A staff account as the rest of the application sees it (never the password hash). */
public record UserAccount(long id, String username, String displayName, String email, Set<Role> roles,
                          boolean enabled, boolean mustChangePassword, OffsetDateTime lastLoginAt) {

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
