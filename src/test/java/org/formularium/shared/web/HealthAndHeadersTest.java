package org.formularium.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Over real HTTP: health without login, nothing else of actuator, security headers on responses. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class HealthAndHeadersTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void health_answers_up_without_login() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void info_answers_without_login() throws Exception {
        assertThat(get("/actuator/info").statusCode()).isEqualTo(200);
    }

    @Test
    void other_actuator_endpoints_are_not_reachable() throws Exception {
        HttpResponse<String> env = get("/actuator/env");

        assertThat(env.statusCode()).isNotEqualTo(200);
        assertThat(env.body()).doesNotContain("propertySources");
    }

    @Test
    void metrics_are_only_for_signed_in_administrators() throws Exception {
        HttpResponse<String> metrics = get("/actuator/metrics");

        assertThat(metrics.statusCode()).isNotEqualTo(200);
        assertThat(metrics.body()).doesNotContain("formularium.");
    }

    @Test
    void the_start_page_answers_200_with_security_headers() throws Exception {
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void the_page_language_follows_the_browser() throws Exception {
        HttpResponse<String> english = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/forms"))
                .header("Accept-Language", "en-GB,en;q=0.9").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> german = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/forms"))
                .header("Accept-Language", "de-DE").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(english.body()).contains("<html lang=\"en\"");
        assertThat(german.body()).contains("<html lang=\"de\"");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
