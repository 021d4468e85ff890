package org.formularium.security;

import org.formularium.support.AbstractApiTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security headers over real HTTP on a Vaadin page, the login page, a static Vaadin resource, an API response
 * and an API error: each header exactly once; HSTS only for https (here: behind a proxy that sends
 * {@code X-Forwarded-Proto: https}).
 */
// the test client plays the reverse proxy (X-Forwarded-Proto), so loopback is the trusted proxy here
@org.springframework.test.context.TestPropertySource(properties = "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1")
class SecurityHeadersTest extends AbstractApiTest {

    private void assertSecurityHeaders(HttpResponse<String> response, boolean api) {
        String what = response.request().uri().getPath();
        assertThat(response.headers().allValues("Content-Security-Policy")).as(what).hasSize(1);
        String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).as(what).contains("frame-ancestors 'none'");
        if (api) {
            assertThat(csp).startsWith("default-src 'none'");
        } else {
            assertThat(csp).contains("default-src 'self'").contains("object-src 'none'").contains("base-uri 'self'")
                    .contains("form-action 'self'").doesNotContain("*");
        }
        assertThat(response.headers().allValues("X-Content-Type-Options")).as(what).containsExactly("nosniff");
        assertThat(response.headers().allValues("X-Frame-Options")).as(what).containsExactly("DENY");
        assertThat(response.headers().allValues("Referrer-Policy")).as(what)
                .containsExactly("strict-origin-when-cross-origin");
        assertThat(response.headers().allValues("Permissions-Policy")).as(what).hasSize(1);
        assertThat(response.headers().firstValue("Permissions-Policy").orElseThrow()).contains("camera=()")
                .contains("geolocation=()").contains("microphone=()");
    }

    @Test
    void a_vaadin_page_has_every_header_and_no_hsts_over_http() throws Exception {
        HttpResponse<String> page = get("/forms", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertSecurityHeaders(page, false);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void the_login_page_has_every_header() throws Exception {
        HttpResponse<String> page = get("/login", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertSecurityHeaders(page, false);
    }

    @Test
    void a_static_resource_outside_spring_security_has_the_headers_too() throws Exception {
        HttpResponse<String> resource = get("/VAADIN/static/push/vaadinPush-min.js", null);
        assertSecurityHeaders(resource, false);
    }

    @Test
    void an_api_response_and_an_api_error_have_every_header() throws Exception {
        HttpResponse<String> ok = get("/api/v1/forms", DEMO_KEY);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertSecurityHeaders(ok, true);

        HttpResponse<String> unauthorized = get("/api/v1/forms", null);
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertSecurityHeaders(unauthorized, true);
    }

    @Test
    void hsts_is_sent_only_when_the_request_came_over_https() throws Exception {
        HttpResponse<String> page = send(request("/login").header("X-Forwarded-Proto", "https").GET());
        assertThat(page.headers().allValues("Strict-Transport-Security")).containsExactly("max-age=31536000; includeSubDomains");
        assertSecurityHeaders(page, false);

        HttpResponse<String> api = send(request("/api/v1/forms").header("Authorization", "Bearer " + DEMO_KEY)
                .header("X-Forwarded-Proto", "https").GET());
        assertThat(api.headers().allValues("Strict-Transport-Security")).hasSize(1);

        assertThat(get("/api/v1/forms", DEMO_KEY).headers().firstValue("Strict-Transport-Security")).isEmpty();
    }
}
