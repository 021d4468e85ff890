package org.formularium.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for the Vaadin login over real HTTP: keeps the session cookie by hand (to see
 * when it changes), reads the CSRF token Vaadin puts into its page, follows no redirects.
 */
final class WebClient {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;
    private String sessionId;

    WebClient(int port) {
        this.port = port;
    }

    String sessionId() {
        return sessionId;
    }

    void useSession(String id) {
        sessionId = id;
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).GET());
    }

    /** Posts the login form as the browser's login form does; returns the redirect target. */
    String login(String username, String password) throws IOException, InterruptedException {
        String token = csrfToken();
        HttpResponse<String> response = postForm("/login", Map.of("username", username, "password", password,
                "_csrf", token));
        return response.headers().firstValue("Location").orElse("(status " + response.statusCode() + ")");
    }

    HttpResponse<String> logout() throws IOException, InterruptedException {
        return postForm("/logout", Map.of("_csrf", csrfToken()));
    }

    /** The CSRF token of the current session, from a Vaadin page. */
    String csrfToken() throws IOException, InterruptedException {
        HttpResponse<String> page = get("/login");
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token in the login page");
        }
        return m.group(1);
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers)
            throws IOException, InterruptedException {
        String body = new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (sessionId != null) {
            builder.header("Cookie", "JSESSIONID=" + sessionId);
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        sessionCookie(response).ifPresent(cookie -> {
            Matcher m = SESSION.matcher(cookie);
            if (m.find()) {
                sessionId = m.group(1);
            }
        });
        return response;
    }

    static Optional<String> sessionCookie(HttpResponse<?> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst();
    }
}
