package org.formularium.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.formularium.api.keys.ApiKeyService;
import org.formularium.api.keys.ApiScope;
import org.formularium.api.keys.CreatedApiKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base for tests of the REST API over real HTTP (demo profile, so the demo key {@link #DEMO_KEY} with all
 * scopes exists). Get a key with exactly the scopes you need from {@link #keyWith}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
public abstract class AbstractApiTest {

    /** The demo profile's key (FORMULARIUM_DEMO_API_KEY default), with all scopes. */
    protected static final String DEMO_KEY = "demo-api-key";
    protected static final String JSON = "application/json";

    @LocalServerPort
    protected int port;

    @Autowired
    protected ApiKeyService apiKeys;

    @Autowired
    protected ObjectMapper objectMapper;

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A new key (plain value) with exactly these scopes. */
    protected String keyWith(ApiScope... scopes) {
        return createKey(scopes).plainKey();
    }

    protected CreatedApiKey createKey(ApiScope... scopes) {
        return apiKeys.create("test key " + System.nanoTime(), scopes.length == 0 ? Set.of() : Set.of(scopes),
                null, "test");
    }

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
    }

    protected HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request);
    }

    protected HttpResponse<String> post(String path, String key, String contentType, String body)
            throws IOException, InterruptedException {
        return send(request(path).header("Authorization", "Bearer " + key).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected JsonNode json(HttpResponse<String> response) throws IOException {
        return objectMapper.readTree(response.body());
    }

    /** Asserts an RFC 9457 problem with this status and returns its body. */
    protected JsonNode assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).isNotBlank();
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("instance").asText()).isEqualTo(response.request().uri().getRawPath());
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }
}
