package org.formularium.shared.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.formularium.shared.i18n.Languages;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps the page language right for assistive technology: each UI gets the chosen language (cookie, else
 * Accept-Language, else German) and the initial HTML carries it in {@code <html lang>} (Vaadin would
 * write the server's language for everyone).
 */
@Component
class LanguageSupport implements VaadinServiceInitListener {

    /** Session attribute with the language the user chose with the language switch. */
    static final String CHOSEN_LANGUAGE = "formularium.language";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response ->
                response.getDocument().selectFirst("html").attr("lang", resolve(response.getVaadinRequest()).getLanguage()));
        event.getSource().addUIInitListener(uiEvent -> {
            Object chosen = uiEvent.getUI().getSession().getAttribute(CHOSEN_LANGUAGE);
            VaadinRequest request = VaadinRequest.getCurrent();
            if (chosen instanceof Locale locale) {
                uiEvent.getUI().setLocale(locale);
            } else if (request != null) {
                uiEvent.getUI().setLocale(resolve(request));
            }
        });
    }

    static Locale resolve(VaadinRequest request) {
        return fromCookie(request.getCookies())
                .orElseGet(() -> Languages.fromAcceptLanguage(request.getHeader("Accept-Language")));
    }

    static Locale resolve(HttpServletRequest request) {
        return fromCookie(request.getCookies())
                .orElseGet(() -> Languages.fromAcceptLanguage(request.getHeader("Accept-Language")));
    }

    private static Optional<Locale> fromCookie(Cookie[] cookies) {
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> Languages.COOKIE.equals(c.getName())).findFirst()
                .map(c -> Languages.closest(c.getValue()));
    }
}
