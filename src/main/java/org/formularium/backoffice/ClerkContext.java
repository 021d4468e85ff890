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

    Clerk current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            throw new AccessDeniedException("not signed in");
        }
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        boolean admin = authorities.contains(Role.ADMIN.authority());
        if (!admin && !authorities.contains(Role.CLERK.authority())) {
            throw new AccessDeniedException("the back office is for clerks and administrators");
        }
        return new Clerk(authentication.getName(), admin);
    }
}
