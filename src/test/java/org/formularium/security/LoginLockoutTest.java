package org.formularium.security;

import org.formularium.audit.AuditAction;
import org.formularium.audit.AuditQuery;
import org.formularium.audit.AuditService;
import org.formularium.audit.AuditTarget;
import org.formularium.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login throttling over real HTTP, with a clock the test moves: five wrong passwords lock the user name for
 * 15 minutes (the login page then says how long), the right password is refused during the lockout and
 * accepted after it; an unknown user name behaves exactly the same (nothing tells whether a user exists).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class LoginLockoutTest {

    static final String PASSWORD = "Blauer Kranich singt leise";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    AuditService audit;

    final MovableClock clock = new MovableClock();

    @BeforeEach
    void controllableClock() {
        throttle.useClock(clock);
    }

    @AfterEach
    void realClock() {
        throttle.useClock(Clock.systemDefaultZone());
    }

    private String newUser() {
        String name = TestData.uniqueKey("lock");
        users.create(name, "Lockout Test", null, Set.of(Role.CLERK), PASSWORD);
        return name;
    }

    @Test
    void five_failures_lock_the_name_even_for_the_right_password_until_the_period_is_over() throws Exception {
        String name = newUser();
        WebClient browser = new WebClient(port);
        for (int i = 1; i <= 4; i++) {
            assertThat(browser.login(name, "wrong " + i)).as("attempt %d", i).endsWith("/login?error");
        }

        assertThat(browser.login(name, "wrong 5")).endsWith("/login?locked=15");
        clock.advance(Duration.ofMinutes(5));
        assertThat(browser.login(name, PASSWORD)).as("right password while locked").endsWith("/login?locked=10");
        assertThat(new WebClient(port).login(name, PASSWORD)).as("another browser").endsWith("/login?locked=10");

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        String target = browser.login(name, PASSWORD);
        assertThat(target).doesNotContain("/login?");

        assertThat(audit.find(new AuditQuery(null, null, null, AuditAction.LOGIN_FAILED, AuditTarget.USER, name), 0, 10))
                .hasSize(5);
        assertThat(audit.find(new AuditQuery(null, null, null, AuditAction.LOGIN_LOCKED, AuditTarget.USER, name), 0, 10))
                .hasSize(2);
        assertThat(audit.find(new AuditQuery(null, null, null, AuditAction.LOGIN, AuditTarget.USER, name), 0, 10))
                .hasSize(1);
    }

    @Test
    void an_unknown_user_name_is_locked_the_same_way() throws Exception {
        String name = TestData.uniqueKey("nobody");
        WebClient browser = new WebClient(port);
        for (int i = 1; i <= 4; i++) {
            assertThat(browser.login(name, "wrong " + i)).endsWith("/login?error");
        }
        assertThat(browser.login(name, "wrong 5")).endsWith("/login?locked=15");
    }

    @Test
    void a_successful_login_clears_the_earlier_failures() throws Exception {
        String name = newUser();
        WebClient browser = new WebClient(port);
        for (int i = 1; i <= 4; i++) {
            browser.login(name, "wrong " + i);
        }
        assertThat(browser.login(name, PASSWORD)).doesNotContain("/login?");
        assertThat(new WebClient(port).login(name, "wrong again")).endsWith("/login?error");
    }

    @Test
    void one_address_is_locked_after_many_failures_with_different_names() {
        LoginThrottle local = new LoginThrottle(5, 30, Duration.ofMinutes(15), 1000, clock);
        for (int i = 0; i < 29; i++) {
            assertThat(local.failed("name" + i, "203.0.113.7")).isEmpty();
        }
        assertThat(local.failed("name29", "203.0.113.7")).isPresent();
        assertThat(local.lockedUntil("someone-else", "203.0.113.7")).isPresent();
        assertThat(local.lockedUntil("someone-else", "198.51.100.1")).isEmpty();
    }

    @Test
    void memory_is_bounded_the_least_recently_used_names_are_forgotten() {
        LoginThrottle local = new LoginThrottle(2, 1000, Duration.ofMinutes(15), 3, clock);
        local.failed("a", null);
        local.failed("a", null);
        assertThat(local.lockedUntil("a", null)).isPresent();
        local.failed("b", null);
        local.failed("c", null);
        local.failed("d", null);
        assertThat(local.lockedUntil("a", null)).as("evicted beyond 3 tracked names").isEmpty();
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
