package org.formularium.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Accounts that must exist for anybody to log in. In the demo profile: {@code admin}, {@code designer},
 * {@code clerk} with the demo password. Otherwise the first admin comes from
 * {@code FORMULARIUM_ADMIN_PASSWORD} (never a default) when no admin exists yet.
 */
@Component
@Order(0)
class InitialUsers implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(InitialUsers.class);
    static final int MIN_ADMIN_PASSWORD_LENGTH = 12;

    private final UserService users;
    private final Environment environment;
    private final String adminUsername;
    private final String adminPassword;

    InitialUsers(UserService users, Environment environment,
                 @Value("${formularium.admin.username:${FORMULARIUM_ADMIN_USERNAME:admin}}") String adminUsername,
                 @Value("${formularium.admin.password:${FORMULARIUM_ADMIN_PASSWORD:}}") String adminPassword) {
        this.users = users;
        this.environment = environment;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            String password = environment.getProperty("formularium.demo.password", "demo");
            users.createOrReset("admin", "Demo Admin", password, Set.of(Role.ADMIN));
            users.createOrReset("designer", "Demo Designerin", password, Set.of(Role.DESIGNER));
            users.createOrReset("clerk", "Demo Sachbearbeiter", password, Set.of(Role.CLERK));
            LOG.warn("DEMO PROFILE: demo users admin, designer and clerk can log in with the demo password "
                    + "(FORMULARIUM_DEMO_PASSWORD, default 'demo'). Never use the demo profile with real data.");
            return;
        }
        if (users.anyAdminExists()) {
            return;
        }
        if (adminPassword == null || adminPassword.isBlank()) {
            LOG.warn("No administrator exists. Set FORMULARIUM_ADMIN_PASSWORD (at least {} characters) and restart "
                    + "to create the first admin '{}'.", MIN_ADMIN_PASSWORD_LENGTH, adminUsername);
            return;
        }
        if (adminPassword.length() < MIN_ADMIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("FORMULARIUM_ADMIN_PASSWORD must have at least "
                    + MIN_ADMIN_PASSWORD_LENGTH + " characters");
        }
        users.createOrReset(adminUsername, "Administrator", adminPassword, Set.of(Role.ADMIN));
        LOG.info("Created the first administrator '{}' from FORMULARIUM_ADMIN_PASSWORD.", adminUsername);
    }
}
