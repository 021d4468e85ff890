package org.formularium.api;

import org.formularium.api.keys.ApiKeyService;
import org.formularium.shared.ratelimit.RateLimits;
import org.formularium.security.SecurityHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

/**
 * Security of the REST API, ahead of the Vaadin chain (which has no order, i.e. comes last):
 * <ol>
 *     <li>{@code /api/**}: stateless, API keys as bearer tokens, no CSRF, no session, no login redirect; every
 *     request needs a valid key except {@code GET /api/v1/schemas/**}; scopes are checked per endpoint with
 *     {@code @PreAuthorize} ({@link RequireScope}), which every endpoint must have
 *     ({@link ApiEndpointAuthorizationCheck});</li>
 *     <li>the OpenAPI document and Swagger UI: public.</li>
 * </ol>
 */
@Configuration
@EnableMethodSecurity
class ApiSecurityConfig {

    static final String API_PATHS = "/api/**";
    static final String PUBLIC_SCHEMAS = "/api/v1/schemas/**";

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiKeyService keys, ApiProblems problems,
                                       ApiAuthenticationProblems authProblems, ApiProperties properties,
                                       RateLimits limits)
            throws Exception {
        http.securityMatcher(withDefaults().matcher(API_PATHS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(withDefaults().matcher(HttpMethod.GET, PUBLIC_SCHEMAS)).permitAll()
                        .requestMatchers(withDefaults().matcher(HttpMethod.HEAD, PUBLIC_SCHEMAS)).permitAll()
                        .anyRequest().authenticated())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(authProblems)
                        .accessDeniedHandler(authProblems))
                .addFilterBefore(new ApiRequestFilter(problems, properties.maxBodyBytes(), properties.maxUploadBytes()), DisableEncodeUrlFilter.class)
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new ApiRateLimitFilter(limits, problems), ApiKeyAuthenticationFilter.class);
        SecurityHeadersFilter.configure(http);
        return http.build();
    }

    /** springdoc's OpenAPI document and Swagger UI, readable without login. */
    @Bean
    @Order(2)
    SecurityFilterChain apiDocsFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(new OrRequestMatcher(
                        withDefaults().matcher("/v3/api-docs"),
                        withDefaults().matcher("/v3/api-docs/**"),
                        withDefaults().matcher("/swagger-ui.html"),
                        withDefaults().matcher("/swagger-ui/**")))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        SecurityHeadersFilter.configure(http);
        return http.build();
    }
}
