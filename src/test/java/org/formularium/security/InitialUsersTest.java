package org.formularium.security;

import org.formularium.support.AbstractDatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InitialUsersTest extends AbstractDatabaseTest {

    @Autowired
    UserService users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void demo_profile_creates_one_user_per_role_with_the_demo_password() {
        UserDetails clerk = users.loadUserByUsername("clerk");

        assertThat(clerk.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_CLERK");
        assertThat(encoder.matches("demo", clerk.getPassword())).isTrue();
        assertThat(users.loadUserByUsername("designer").getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_DESIGNER");
        assertThat(users.loadUserByUsername("admin").getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_ADMIN");
    }

    @Test
    void passwords_are_stored_as_bcrypt_hashes_only() {
        String hash = jdbc.queryForObject("select password_hash from app_user where username = 'admin'", String.class);

        assertThat(hash).startsWith("$2a$").doesNotContain("demo");
    }

    @Test
    void unknown_users_are_not_found() {
        assertThatThrownBy(() -> users.loadUserByUsername("nobody")).isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void the_database_refuses_unknown_roles() {
        assertThatThrownBy(() -> jdbc.update(
                "insert into app_user(username, display_name, password_hash, roles) values ('x','x','x', array['ROOT'])"))
                .hasMessageContaining("app_user_roles_ck");
    }
}
