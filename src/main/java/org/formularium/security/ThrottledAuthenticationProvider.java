package org.formularium.security;

import org.formularium.audit.AuditAction;
import org.formularium.audit.AuditActor;
import org.formularium.audit.AuditService;
import org.formularium.audit.AuditTarget;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Password login for staff ({@link UserService} + the password encoder), guarded by {@link LoginThrottle}:
 * a locked name or address is refused before the password is checked. Failures and lockouts go to the audit
 * log (successes through {@link SecurityConfig}'s login listener).
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final AuditService audit;

    ThrottledAuthenticationProvider(UserService users, PasswordEncoder encoder, LoginThrottle throttle,
                                    AuditService audit) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = LoginThrottle.key(authentication.getName());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : null;
        Optional<Instant> locked = throttle.lockedUntil(username, address);
        if (locked.isPresent()) {
            audit.record(AuditActor.user(username), AuditAction.LOGIN_LOCKED, AuditTarget.USER, username,
                    details(address, "refused while locked"));
            throw new LoginThrottledException(throttle.remaining(locked.get()));
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(username);
            return result;
        } catch (AuthenticationException e) {
            Optional<Instant> lockedNow = throttle.failed(username, address);
            audit.record(AuditActor.user(username), AuditAction.LOGIN_FAILED, AuditTarget.USER, username,
                    details(address, lockedNow.isPresent() ? "locked until " + lockedNow.get() : null));
            if (lockedNow.isPresent()) {
                throw new LoginThrottledException(throttle.remaining(lockedNow.get()));
            }
            throw e;
        }
    }

    private static Map<String, String> details(String address, String note) {
        Map<String, String> details = new HashMap<>();
        if (address != null) {
            details.put("address", address);
        }
        if (note != null) {
            details.put("note", note);
        }
        return details;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
