package org.formularium.security;

import com.vaadin.flow.spring.security.VaadinWebSecurity;
import org.formularium.audit.AuditAction;
import org.formularium.audit.AuditActor;
import org.formularium.audit.AuditService;
import org.formularium.audit.AuditTarget;
import org.formularium.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Spring Security for the Vaadin UI: login view with throttling ({@link ThrottledAuthenticationProvider}),
 * role checks on every view, logins and logouts in the audit log. Security headers: {@link SecurityHeadersFilter}.
 * Session fixation: Spring Security's default (the session id changes at login); timeout, HttpOnly and
 * SameSite of the cookie in application.properties.
 */
@EnableWebSecurity
@Configuration
class SecurityConfig extends VaadinWebSecurity {

    private final UserService users;
    private final AuditService audit;
    private final Clock clock = Clock.systemDefaultZone();

    SecurityConfig(@org.springframework.context.annotation.Lazy UserService users,
                   @org.springframework.context.annotation.Lazy AuditService audit) {
        this.users = users;
        this.audit = audit;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * No Micrometer observations around every Spring Security filter and authorization decision: we use none
     * of those traces, and wrapping each filter costs on every request (~5 % of the app's CPU per request in the
     * profiles of API ingest and of the session benchmark).
     * Request metrics ({@code http.server.requests}) are not affected.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    Clock clock() {
        return clock;
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(new AntPathRequestMatcher("/actuator/health"),
                        new AntPathRequestMatcher("/actuator/health/**"),
                        new AntPathRequestMatcher("/actuator/info")).permitAll()
                .requestMatchers(new AntPathRequestMatcher("/actuator/metrics"),
                        new AntPathRequestMatcher("/actuator/metrics/**")).hasRole(Role.ADMIN_NAME)
                .requestMatchers(new AntPathRequestMatcher("/images/**"),
                        new AntPathRequestMatcher("/branding/**")).permitAll());
        SecurityHeadersFilter.configure(http);
        super.configure(http);
        setLoginView(http, LoginView.class);
        // too many failed logins: back to the login page with the minutes to wait, otherwise "?error"
        http.formLogin(form -> form.failureHandler(new LoginFailureHandler()));
        http.logout(logout -> logout.addLogoutHandler((request, response, authentication) -> {
            if (authentication != null) {
                audit.record(AuditActor.user(authentication.getName()), AuditAction.LOGOUT, AuditTarget.USER,
                        authentication.getName(), Map.of());
            }
        }));
    }

    @EventListener
    void onLogin(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        users.recordSuccessfulLogin(username);
        Map<String, String> details = new HashMap<>();
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails web
                && web.getRemoteAddress() != null) {
            details.put("address", web.getRemoteAddress());
        }
        audit.record(AuditActor.user(username), AuditAction.LOGIN, AuditTarget.USER, username, details);
    }
}
