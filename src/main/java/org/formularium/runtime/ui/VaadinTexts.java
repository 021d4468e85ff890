package org.formularium.runtime.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.upload.UploadI18N;

import java.text.DateFormatSymbols;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The English default texts of Vaadin components, translated (assistive technology reads them). */
public final class VaadinTexts {

    private VaadinTexts() {
    }

    /** German: {@code dd.MM.yyyy}, also parsing {@code d.M.yyyy} and {@code d.M.yy}; English: {@code dd/MM/yyyy}. */
    static DatePicker.DatePickerI18n datePicker(Translator t, Locale locale) {
        Locale language = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(language);
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.asList(symbols.getMonths()).subList(0, 12))
                .setWeekdays(Arrays.asList(symbols.getWeekdays()).subList(1, 8))
                .setWeekdaysShort(Arrays.asList(symbols.getShortWeekdays()).subList(1, 8).stream()
                        .map(s -> s.replace(".", "")).toList())
                .setFirstDayOfWeek(1)
                .setToday(t.getTranslation("vaadin.date.today"))
                .setCancel(t.getTranslation("vaadin.date.cancel"));
        if (language == Locale.GERMAN) {
            i18n.setDateFormats("dd.MM.yyyy", "d.M.yyyy", "d.M.yy", "ddMMyyyy", "yyyy-MM-dd");
        } else {
            i18n.setDateFormats("dd/MM/yyyy", "d/M/yyyy", "d/M/yy", "d.M.yyyy", "yyyy-MM-dd");
        }
        return i18n;
    }

    public static UploadI18N upload(Translator t, boolean many) {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(t.getTranslation("vaadin.upload.drop.one"))
                .setMany(t.getTranslation("vaadin.upload.drop.many")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(t.getTranslation("vaadin.upload.add.one"))
                .setMany(t.getTranslation("vaadin.upload.add.many")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(t.getTranslation("vaadin.upload.error.tooMany"))
                .setFileIsTooBig(t.getTranslation("vaadin.upload.error.tooBig"))
                .setIncorrectFileType(t.getTranslation("vaadin.upload.error.type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(t.getTranslation("vaadin.upload.status.connecting"))
                        .setStalled(t.getTranslation("vaadin.upload.status.stalled"))
                        .setProcessing(t.getTranslation("vaadin.upload.status.processing"))
                        .setHeld(t.getTranslation("vaadin.upload.status.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(t.getTranslation("vaadin.upload.remaining.prefix"))
                        .setUnknown(t.getTranslation("vaadin.upload.remaining.unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(t.getTranslation("vaadin.upload.error.server"))
                        .setUnexpectedServerError(t.getTranslation("vaadin.upload.error.unexpected"))
                        .setForbidden(t.getTranslation("vaadin.upload.error.forbidden"))));
        i18n.setFile(new UploadI18N.File().setRetry(t.getTranslation("vaadin.upload.file.retry"))
                .setStart(t.getTranslation("vaadin.upload.file.start"))
                .setRemove(t.getTranslation("vaadin.upload.file.remove")));
        i18n.setUnits(List.of("B", "kB", "MB", "GB", "TB"), 1000);
        return i18n;
    }
}
