package org.formularium.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Rules for staff passwords: at least {@value #MIN_LENGTH} characters, not one of the common passwords
 * shipped in {@code common-passwords.txt} (also not with digits or symbols merely appended), and not
 * containing the user name.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** The first rule the password breaks, if any. */
    public static Optional<AccountRejectedException.Reason> check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(AccountRejectedException.Reason.PASSWORD_TOO_SHORT);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String stem = lower.replaceAll("[^\\p{L}]+$", "");
        String core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        if (COMMON.contains(lower) || COMMON.contains(stem) || COMMON.contains(core)
                || lower.chars().distinct().count() <= 2) {
            return Optional.of(AccountRejectedException.Reason.PASSWORD_TOO_COMMON);
        }
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(AccountRejectedException.Reason.PASSWORD_CONTAINS_USERNAME);
        }
        return Optional.empty();
    }

    static void require(String username, String password) {
        check(username, password).ifPresent(reason -> {
            throw new AccountRejectedException(reason);
        });
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
