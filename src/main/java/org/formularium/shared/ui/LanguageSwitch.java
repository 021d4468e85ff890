package org.formularium.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import org.formularium.shared.i18n.Languages;

import java.util.Locale;

/**
 * Offers the other language, named in that language ("English" on a German page, "Deutsch" on an English
 * one) with its own {@code lang}, as GOV.UK does. Switching keeps the choice in a cookie and reloads, so
 * every text and the page's {@code lang} change together.
 */
public class LanguageSwitch extends Button {

    public LanguageSwitch(Locale current) {
        Locale target = current.getLanguage().equals(Languages.ENGLISH.getLanguage()) ? Languages.GERMAN : Languages.ENGLISH;
        setText(target.getDisplayLanguage(target).substring(0, 1).toUpperCase(target)
                + target.getDisplayLanguage(target).substring(1));
        getElement().setAttribute("lang", target.getLanguage());
        getElement().setAttribute("aria-label", getTranslation("layout.language.switch", target.getDisplayLanguage(target))
                + " (" + target.getDisplayLanguage(target) + ")");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addClassName("language-switch");
        addClickListener(e -> switchTo(target));
    }

    /** Changes the language of this browser session and reloads the page. */
    public static void switchTo(Locale language) {
        Cookie cookie = new Cookie(Languages.COOKIE, language.getLanguage());
        cookie.setPath("/");
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setHttpOnly(true);
        if (VaadinService.getCurrentResponse() != null) {
            VaadinService.getCurrentResponse().addCookie(cookie);
        }
        if (VaadinSession.getCurrent() != null) {
            VaadinSession.getCurrent().setLocale(language);
            VaadinSession.getCurrent().setAttribute(LanguageSupport.CHOSEN_LANGUAGE, language);
        }
        UI ui = UI.getCurrent();
        ui.setLocale(language);
        ui.getPage().executeJs("document.documentElement.lang=$0", language.getLanguage());
        ui.getPage().reload();
    }
}
