package org.formularium.shared.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * Every user-visible string comes from {@code messages_de.properties} / {@code messages_en.properties}.
 * Vaadin uses this bean for {@code getTranslation}; services use it for mails and documents.
 */
@Component
public class Translations implements I18NProvider {

    private final MessageSource messages;

    public Translations(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return Languages.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale language = locale == null ? Languages.GERMAN : Languages.closest(locale.toLanguageTag());
        try {
            return messages.getMessage(key, params.length == 0 ? null : params, language);
        } catch (NoSuchMessageException e) {
            return "!" + key;
        }
    }
}
