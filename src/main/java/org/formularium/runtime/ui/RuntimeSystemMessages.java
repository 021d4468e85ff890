package org.formularium.runtime.ui;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.formularium.shared.i18n.Languages;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Vaadin's system messages (session expired, communication problems) in German or English. On session expiry
 * the page reloads the current address: the form then offers the draft saved at the last step (its token is
 * in a cookie).
 */
@Component
class RuntimeSystemMessages implements VaadinServiceInitListener {

    /** Vaadin asks for the messages with every response: built once per requested locale (a few at most). */
    private static final int CACHED_LOCALES = 64;

    private final I18NProvider texts;
    private final Map<Locale, CustomizedSystemMessages> byLocale = new ConcurrentHashMap<>();

    RuntimeSystemMessages(I18NProvider texts) {
        this.texts = texts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(info -> cached(info.getLocale()));
    }

    private CustomizedSystemMessages cached(Locale requested) {
        if (requested == null) {
            return messages(null);
        }
        CustomizedSystemMessages known = byLocale.get(requested);
        if (known != null) {
            return known;
        }
        CustomizedSystemMessages built = messages(requested);
        if (byLocale.size() < CACHED_LOCALES) {
            byLocale.put(requested, built);
        }
        return built;
    }

    CustomizedSystemMessages messages(Locale requested) {
        Locale locale = requested == null ? Languages.GERMAN : Languages.closest(requested.toLanguageTag());
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setSessionExpiredCaption(texts.getTranslation("system.sessionExpired.caption", locale));
        messages.setSessionExpiredMessage(texts.getTranslation("system.sessionExpired.message", locale));
        messages.setSessionExpiredNotificationEnabled(true);
        messages.setSessionExpiredURL(null);
        messages.setInternalErrorCaption(texts.getTranslation("system.internalError.caption", locale));
        messages.setInternalErrorMessage(texts.getTranslation("system.internalError.message", locale));
        messages.setCookiesDisabledCaption(texts.getTranslation("system.cookies.caption", locale));
        messages.setCookiesDisabledMessage(texts.getTranslation("system.cookies.message", locale));
        return messages;
    }
}
