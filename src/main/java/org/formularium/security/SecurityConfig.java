package org.formularium.security;

import com.vaadin.flow.spring.security.VaadinWebSecurity;
import org.formularium.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

import java.time.Clock;

/** Spring Security for the Vaadin UI: login view, role checks on every view, security headers. */
@EnableWebSecurity
@Configuration
class SecurityConfig extends VaadinWebSecurity {

    private final UserService users;

    SecurityConfig(@org.springframework.context.annotation.Lazy UserService users) {
        this.users = users;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
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
        http.headers(headers -> headers
                .contentTypeOptions(c -> { })
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(f -> f.sameOrigin()));
        super.configure(http);
        setLoginView(http, LoginView.class);
    }

    @EventListener
    void onLogin(AuthenticationSuccessEvent event) {
        users.recordSuccessfulLogin(event.getAuthentication().getName());
    }
}
