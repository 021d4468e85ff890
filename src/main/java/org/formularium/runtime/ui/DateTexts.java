package org.formularium.runtime.ui;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as the citizen reads them (German: 05.03.2026, 14:30 Uhr). */
final class DateTexts {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'", Locale.GERMAN);
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMAN);
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private DateTexts() {
    }

    static String dateTime(OffsetDateTime time, Locale locale) {
        return time.atZoneSameInstant(ZONE).format("en".equals(locale.getLanguage()) ? ENGLISH : GERMAN);
    }

    static String date(OffsetDateTime time, Locale locale) {
        return time.atZoneSameInstant(ZONE).format("en".equals(locale.getLanguage()) ? ENGLISH_DATE : GERMAN_DATE);
    }
}
