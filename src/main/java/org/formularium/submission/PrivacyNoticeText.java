package org.formularium.submission;

import org.formularium.definition.model.LocalizedText;
import org.formularium.definition.model.Privacy;
import org.formularium.shared.i18n.Translations;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The privacy step of a form version as plain text in one language — exactly what the runtime's privacy step
 * shows (notice, controller, purpose, legal basis, retention and the consent statement) — stored with each
 * submission as the record of what the citizen was told (Art. 13 GDPR) and agreed to (Art. 7(1)).
 */
@Component
public class PrivacyNoticeText {

    private final Translations translations;

    PrivacyNoticeText(Translations translations) {
        this.translations = translations;
    }

    /** The text, or {@code null} when the form has no privacy step (no notice and no consent). */
    public String of(Privacy privacy, Locale locale) {
        if (privacy == null || (privacy.notice() == null && !privacy.consentRequiredOrFalse())) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (privacy.notice() != null) {
            parts.add(privacy.notice().get(locale).strip());
        }
        List<String> facts = new ArrayList<>();
        fact(facts, "form.privacy.controller", privacy.controller(), locale);
        fact(facts, "form.privacy.purpose", privacy.purpose(), locale);
        fact(facts, "form.privacy.legalBasis", privacy.legalBasis(), locale);
        if (privacy.retentionDays() != null) {
            facts.add(translations.getTranslation("form.privacy.retention", locale) + ": "
                    + translations.getTranslation("form.privacy.retention.days", locale, privacy.retentionDays()));
        }
        if (!facts.isEmpty()) {
            parts.add(String.join("\n", facts));
        }
        if (privacy.consentRequiredOrFalse()) {
            parts.add(translations.getTranslation("form.privacy.consent", locale));
        }
        return String.join("\n\n", parts);
    }

    private void fact(List<String> facts, String key, LocalizedText value, Locale locale) {
        if (value != null) {
            facts.add(translations.getTranslation(key, locale) + ": " + value.get(locale));
        }
    }
}
