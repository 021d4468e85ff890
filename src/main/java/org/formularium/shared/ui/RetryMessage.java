package org.formularium.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** "Too many attempts, try again at {time} (in about {minutes} minutes)" for a rate-limited citizen. */
public final class RetryMessage {

    private RetryMessage() {
    }

    /** The translation of {@code key} with the local time ({0}) and the minutes until then ({1}, at least 1). */
    public static String of(Component view, String key, Instant retryAt) {
        long minutes = Math.max(1, (Duration.between(Instant.now(), retryAt).getSeconds() + 59) / 60);
        String time = retryAt.atZone(ZoneId.systemDefault())
                .format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale()));
        return view.getTranslation(key, time, minutes);
    }

    private static java.util.Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? java.util.Locale.GERMAN : ui.getLocale();
    }
}
