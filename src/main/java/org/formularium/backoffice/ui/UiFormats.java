package org.formularium.backoffice.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import org.formularium.submission.SubmissionStatus;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Formatting shared by the back-office and status views: dates, status labels, localised date pickers. */
public final class UiFormats {

    private static final String STATUS_KEY_PREFIX = "submission.status.";

    private UiFormats() {
    }

    static String dateTime(OffsetDateTime value, Locale locale) {
        if (value == null) {
            return "";
        }
        return value.atZoneSameInstant(ZoneId.systemDefault())
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale));
    }

    static String status(Component component, SubmissionStatus status) {
        return status == null ? "" : component.getTranslation(STATUS_KEY_PREFIX + status.name());
    }

    /** "Deleted (retention period expired)" or "Erased on request 12", in the UI's language. */
    static String deletion(Component component, String reason) {
        return org.formularium.submission.DeletionReason.erasureRequest(reason)
                .map(id -> component.getTranslation("submission.deleted.erased", id))
                .orElseGet(() -> component.getTranslation("submission.deleted.retention"));
    }

    /** A date picker that speaks the UI's language (Vaadin's defaults are English). */
    public static DatePicker datePicker(Component owner, Locale locale, String label) {
        DatePicker picker = new DatePicker(label);
        picker.setLocale(locale);
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setMonthNames(Arrays.stream(java.time.Month.values())
                .map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, locale)).toList());
        List<DayOfWeek> week = List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
        i18n.setWeekdays(week.stream().map(d -> d.getDisplayName(TextStyle.FULL, locale)).toList());
        i18n.setWeekdaysShort(week.stream().map(d -> d.getDisplayName(TextStyle.SHORT, locale)).toList());
        i18n.setFirstDayOfWeek(1);
        // the same texts and formats as the citizen runtime's date fields
        i18n.setToday(owner.getTranslation("vaadin.date.today"));
        i18n.setCancel(owner.getTranslation("vaadin.date.cancel"));
        if ("en".equals(locale.getLanguage())) {
            i18n.setDateFormats("dd/MM/yyyy", "d/M/yyyy", "d/M/yy", "d.M.yyyy", "yyyy-MM-dd");
        } else {
            i18n.setDateFormats("dd.MM.yyyy", "d.M.yyyy", "d.M.yy", "ddMMyyyy", "yyyy-MM-dd");
        }
        picker.setI18n(i18n);
        return picker;
    }
}
