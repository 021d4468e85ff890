package org.formularium.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "kurz", "elf Zeichen"})
    void short_passwords_are_refused(String password) {
        assertThat(PasswordPolicy.check("anna", password)).contains(AccountRejectedException.Reason.PASSWORD_TOO_SHORT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789012", "Passwort1234", "password12345!", "QWERTZUIOPÜ1", "!!sommer2024!!", "aaaaaaaaaaaaaa"})
    void common_passwords_also_with_digits_appended_are_refused(String password) {
        assertThat(PasswordPolicy.check("anna", password)).contains(AccountRejectedException.Reason.PASSWORD_TOO_COMMON);
    }

    @Test
    void a_password_with_the_user_name_is_refused() {
        assertThat(PasswordPolicy.check("anna.amt", "Anna.Amt-im-Rathaus"))
                .contains(AccountRejectedException.Reason.PASSWORD_CONTAINS_USERNAME);
    }

    @Test
    void a_long_passphrase_is_accepted() {
        assertThat(PasswordPolicy.check("anna", "Blauer Kranich singt leise")).isEmpty();
    }

    @Test
    void the_shipped_list_has_about_two_hundred_entries() throws Exception {
        try (var in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            long entries = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).count();
            assertThat(entries).isGreaterThanOrEqualTo(200);
        }
    }
}
