package org.formularium.backoffice;

import org.formularium.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is acting, from Spring Security's context of the current request. Back-office services ask here
 * instead of taking the user as a parameter, so no caller can act as someone else.
 */
@Component
class ClerkContext {

    /** The authority an API key with the scope {@code submissions:write} carries. */
    static final String API_WORKFLOW_AUTHORITY = "SCOPE_submissions:write";

    Clerk current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            throw new AccessDeniedException("not signed in");
        }
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        if (authorities.contains(API_WORKFLOW_AUTHORITY)) {
            // a downstream system with an API key allowed to write submissions acts on every form
            return new Clerk("api:" + authentication.getName(), true);
        }
        boolean admin = authorities.contains(Role.ADMIN.authority());
        if (!admin && !authorities.contains(Role.CLERK.authority())) {
            throw new AccessDeniedException("the back office is for clerks and administrators");
        }
        return new Clerk(authentication.getName(), admin);
    }
}
