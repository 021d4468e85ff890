package org.formularium.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.formularium.api.keys.ApiScope;
import org.formularium.support.AbstractApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Flow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP: no request, however malformed, gets a 500 or an HTML page; every error is a problem.
 * Uses the test-only {@link ProbeController}.
 */
class ApiErrorHandlingTest extends AbstractApiTest {

    private static final String ECHO = "/api/v1/test-probe/echo";

    private String key;

    @BeforeEach
    void writeKey() {
        key = keyWith(ApiScope.FORMS_WRITE);
    }

    @Test
    void malformed_json_is_a_400_problem_with_the_position() throws Exception {
        JsonNode problem = assertProblem(post(ECHO, key, JSON, "{\"name\": \"x\",,}"), 400);

        assertThat(problem.path("detail").asText()).contains("not valid JSON").contains("line 1");
    }

    @Test
    void a_missing_body_is_a_400_problem() throws Exception {
        assertProblem(post(ECHO, key, JSON, ""), 400);
    }

    @Test
    void a_value_of_the_wrong_type_is_a_400_problem_with_its_path() throws Exception {
        JsonNode problem = assertProblem(post(ECHO, key, JSON, "{\"name\":\"x\",\"count\":\"many\"}"), 400);

        assertThat(problem.path("errors").get(0).path("path").asText()).isEqualTo("/count");
        assertThat(problem.path("errors").get(0).path("code").asText()).isEqualTo("invalid_type");
        assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo("Must be an integer.");
    }

    @Test
    void invalid_values_are_a_422_problem_listing_each_error() throws Exception {
        HttpResponse<String> response = post(ECHO, key, JSON,
                "{\"name\":\" \",\"count\":11,\"email\":\"no-at-sign\",\"tags\":[\"ok\",\"\"]}");

        JsonNode problem = assertProblem(response, 422);
        assertThat(problem.path("type").asText()).isEqualTo("https://formularium.org/problems/validation-failed");
        assertThat(problem.path("errors")).extracting(e -> e.path("path").asText() + " " + e.path("code").asText())
                .containsExactlyInAnyOrder("/name not_blank", "/count max", "/email email", "/tags/1 not_blank");
        assertThat(problem.path("errors")).allSatisfy(e -> assertThat(e.path("message").asText()).isNotBlank());
    }

    @Test
    void an_api_problem_exception_becomes_its_problem() throws Exception {
        JsonNode problem = assertProblem(post("/api/v1/test-probe/rejected", key, JSON, "{}"), 422);

        assertThat(problem.path("detail").asText()).isEqualTo("The answers are incomplete.");
        assertThat(problem.path("errors").get(0).path("path").asText()).isEqualTo("/answers/email");
        assertThat(problem.path("errors").get(0).path("code").asText()).isEqualTo("required");
    }

    @Test
    void a_huge_body_is_a_413_problem() throws Exception {
        String tenMegabytes = "{\"name\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";

        JsonNode problem = assertProblem(post(ECHO, key, JSON, tenMegabytes), 413);

        assertThat(problem.path("detail").asText()).contains("2097152 bytes");
    }

    @Test
    void a_huge_body_without_content_length_is_a_413_problem() throws Exception {
        byte[] threeMegabytes = ("{\"name\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = send(request(ECHO).header("Authorization", "Bearer " + key)
                .header("Content-Type", JSON).POST(chunked(threeMegabytes)));

        assertProblem(response, 413);
    }

    @Test
    void deeply_nested_json_is_a_400_problem() throws Exception {
        String deep = "{\"name\":\"x\",\"payload\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";

        JsonNode problem = assertProblem(post(ECHO, key, JSON, deep), 400);

        assertThat(problem.path("detail").asText()).contains("nested deeper than 100");
    }

    @Test
    void json_nested_within_the_limit_is_accepted() throws Exception {
        String nested = "{\"name\":\"x\",\"payload\":" + "[".repeat(50) + "]".repeat(50) + "}";

        assertThat(post(ECHO, key, JSON, nested).statusCode()).isEqualTo(200);
    }

    @Test
    void a_wrong_content_type_is_a_415_problem() throws Exception {
        HttpResponse<String> response = post(ECHO, key, "text/plain", "name=x");

        assertProblem(response, 415);
    }

    @Test
    void a_broken_content_type_is_a_4xx_problem() throws Exception {
        for (String contentType : new String[]{"application/json; charset=no-such-charset", "nonsense", "a/b;;;==",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            HttpResponse<String> response = post(ECHO, key, contentType, "{\"name\":\"x\"}");

            assertThat(response.statusCode()).as(contentType).isBetween(400, 499);
            assertProblem(response, response.statusCode());
        }
    }

    @Test
    void a_multipart_upload_beyond_the_file_size_limit_is_a_4xx_problem() throws Exception {
        String boundary = "formularium-test-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long size = 52L * 1024 * 1024;
        java.io.InputStream body = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head),
                new java.io.InputStream() {
                    long left = size;

                    @Override
                    public int read() {
                        return left-- > 0 ? 'x' : -1;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (left <= 0) {
                            return -1;
                        }
                        int n = (int) Math.min(len, left);
                        java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                        left -= n;
                        return n;
                    }
                });

        HttpResponse<String> response = send(request(ECHO).header("Authorization", "Bearer " + key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> body)));

        assertThat(response.statusCode()).isBetween(400, 499);
        assertProblem(response, response.statusCode());
    }

    @Test
    void a_path_parameter_of_the_wrong_type_is_a_400_problem() throws Exception {
        JsonNode problem = assertProblem(get("/api/v1/test-probe/items/abc", key), 400);

        assertThat(problem.path("errors").get(0).path("path").asText()).isEqualTo("id");
    }

    @Test
    void an_unknown_api_path_is_a_404_problem() throws Exception {
        JsonNode problem = assertProblem(get("/api/v1/no-such-thing", key), 404);

        assertThat(problem.path("detail").asText()).contains("/api/v1/no-such-thing");
    }

    @Test
    void a_post_to_an_unknown_api_path_is_a_404_problem() throws Exception {
        assertProblem(post("/api/v2/whatever", key, JSON, "{}"), 404);
    }

    @Test
    void a_wrong_method_is_a_405_problem_naming_the_allowed_ones() throws Exception {
        HttpResponse<String> response = send(request(ECHO).header("Authorization", "Bearer " + key)
                .method("DELETE", HttpRequest.BodyPublishers.noBody()));

        JsonNode problem = assertProblem(response, 405);
        assertThat(problem.path("detail").asText()).contains("POST");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
    }

    @Test
    void an_unacceptable_accept_header_is_a_406_problem() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/whoami").header("Authorization", "Bearer " + key)
                .header("Accept", "text/csv"));

        assertProblem(response, 406);
    }

    @Test
    void a_url_the_firewall_rejects_is_a_400_problem() throws Exception {
        assertProblem(get("/api/v1/whoami;param=x", key), 400);
    }

    @Test
    void an_unexpected_error_is_a_500_problem_with_an_error_id_and_no_internals() throws Exception {
        HttpResponse<String> response = get("/api/v1/test-probe/failure", key);

        JsonNode problem = assertProblem(response, 500);
        assertThat(problem.path("errorId").asText()).matches("[0-9a-f-]{36}");
        assertThat(response.body()).doesNotContain("secret internal detail").doesNotContain("IllegalState");
    }

    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        HttpRequest.BodyPublisher bytes = HttpRequest.BodyPublishers.ofByteArray(body);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1; // unknown: sent chunked
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                bytes.subscribe(subscriber);
            }
        };
    }
}
