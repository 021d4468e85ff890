package org.formularium.security;

import org.formularium.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions over real HTTP: a new session id at login (session fixation), the configured idle timeout, a
 * logout that ends the session, and the cookie's flags (HttpOnly, SameSite=Lax, Secure behind https).
 */
// the test client plays the reverse proxy (X-Forwarded-Proto), so loopback is the trusted proxy here
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1")
@ActiveProfiles({"test", "demo"})
class SessionSecurityTest {

    static final String PASSWORD = "Blauer Kranich singt leise";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ServerProperties server;
    @Value("${vaadin.closeIdleSessions}")
    boolean closeIdleSessions;

    private String newAdmin() {
        String name = TestData.uniqueKey("sess");
        users.create(name, "Session Test", null, Set.of(Role.ADMIN), PASSWORD);
        return name;
    }

    @Test
    void the_session_id_changes_at_login() throws Exception {
        String name = newAdmin();
        WebClient browser = new WebClient(port);
        browser.get("/login");
        String before = browser.sessionId();
        assertThat(before).isNotNull();

        String target = browser.login(name, PASSWORD);

        assertThat(target).doesNotContain("error").doesNotContain("locked");
        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(before);
        // the old id is worth nothing: it does not carry the login
        WebClient attacker = new WebClient(port);
        attacker.useSession(before);
        assertThat(attacker.get("/actuator/metrics").statusCode()).isNotEqualTo(200);
        assertThat(browser.get("/actuator/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void logout_invalidates_the_session() throws Exception {
        String name = newAdmin();
        WebClient browser = new WebClient(port);
        browser.login(name, PASSWORD);
        String loggedIn = browser.sessionId();
        assertThat(browser.get("/actuator/metrics").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = browser.logout();

        assertThat(logout.statusCode()).isEqualTo(302);
        WebClient replay = new WebClient(port);
        replay.useSession(loggedIn);
        assertThat(replay.get("/actuator/metrics").statusCode()).isNotEqualTo(200);
    }

    @Test
    void idle_sessions_end_after_the_configured_timeout() {
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
        // without this, Vaadin's heartbeat would keep an open tab's session alive for ever
        assertThat(closeIdleSessions).isTrue();
    }

    @Test
    void the_session_cookie_is_http_only_same_site_lax_and_secure_behind_https() throws Exception {
        HttpResponse<String> plain = new WebClient(port).get("/login");
        String cookie = WebClient.sessionCookie(plain).orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");

        HttpResponse<String> behindProxy = new WebClient(port).get("/login", "X-Forwarded-Proto", "https");
        assertThat(WebClient.sessionCookie(behindProxy).orElseThrow()).contains("Secure").contains("HttpOnly");
    }
}
