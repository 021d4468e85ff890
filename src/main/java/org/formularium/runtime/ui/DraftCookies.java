package org.formularium.runtime.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import jakarta.servlet.http.Cookie;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The draft token of a form in a cookie (HttpOnly, SameSite=Lax), so that a reload after the session expired
 * can offer the saved answers.
 */
final class DraftCookies {

    private DraftCookies() {
    }

    static String name(String formKey) {
        return "formularium-draft-" + formKey;
    }

    static Optional<String> read(String formKey) {
        VaadinRequest request = VaadinService.getCurrentRequest();
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies()).filter(c -> name(formKey).equals(c.getName()))
                .map(Cookie::getValue).filter(v -> v != null && !v.isBlank()).findFirst();
    }

    static void write(String formKey, String token, Duration maxAge) {
        set(formKey, token, (int) Math.min(Integer.MAX_VALUE, maxAge.toSeconds()));
    }

    static void clear(String formKey) {
        set(formKey, "", 0);
    }

    private static void set(String formKey, String value, int maxAge) {
        VaadinResponse response = VaadinService.getCurrentResponse();
        VaadinRequest request = VaadinService.getCurrentRequest();
        if (response == null) {
            return;
        }
        Cookie cookie = new Cookie(name(formKey), value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(maxAge);
        cookie.setSecure(request != null && request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
