package org.formularium.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** A login refused because of too many failed attempts, whatever the password. */
public class LoginThrottledException extends AuthenticationException {

    private final transient Duration remaining;

    public LoginThrottledException(Duration remaining) {
        super("too many failed logins");
        this.remaining = remaining;
    }

    /** How long the lockout still lasts. */
    public Duration remaining() {
        return remaining;
    }
}
