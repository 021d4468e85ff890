package org.formularium.admin.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import org.formularium.definition.store.FormSummary;
import org.formularium.privacy.ProcessingRecord;
import org.formularium.privacy.ProcessingRecordDocument;
import org.formularium.privacy.ProcessingRecords;
import org.formularium.security.Role;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /admin/processing-records}: the record of processing activities (Art. 30 GDPR) of one published form or
 * of all of them, generated from the definitions, as an HTML document to download (for the data protection
 * officer).
 */
@Route(value = "admin/processing-records", layout = MainLayout.class)
@RolesAllowed(Role.ADMIN_NAME)
public class ProcessingRecordsView extends ViewSupport {

    static final String ALL = "";

    private final transient ProcessingRecords records;
    final Select<String> form = new Select<>();
    final Div downloadArea = new Div();

    public ProcessingRecordsView(ProcessingRecords records) {
        this.records = records;
        List<String> keys = new ArrayList<>();
        keys.add(ALL);
        List<FormSummary> published = records.forms();
        published.stream().map(FormSummary::key).sorted().forEach(keys::add);
        form.setLabel(getTranslation("admin.processingRecords.form"));
        form.setItems(keys);
        form.setItemLabelGenerator(key -> ALL.equals(key) ? getTranslation("admin.processingRecords.allForms")
                : published.stream().filter(f -> f.key().equals(key)).findFirst()
                        .map(f -> title(f) + " (" + f.key() + ")").orElse(key));
        form.setValue(ALL);
        form.addValueChangeListener(e -> updateDownload());
        form.setId("processing-record-form");
        downloadArea.addClassName("processing-record-download");
        add(heading(), new Paragraph(getTranslation("admin.processingRecords.intro")), form, downloadArea);
        updateDownload();
    }

    @Override
    protected String titleKey() {
        return "admin.processingRecords.title";
    }

    private String title(FormSummary summary) {
        return "en".equals(getLocale().getLanguage()) && summary.titleEn() != null ? summary.titleEn() : summary.title();
    }

    private void updateDownload() {
        downloadArea.removeAll();
        String key = form.getValue() == null ? ALL : form.getValue();
        Locale locale = getLocale();
        String fileName = "verarbeitungsverzeichnis-" + (ALL.equals(key) ? "alle-formulare" : key) + ".html";
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = document(key, locale);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "text/html;charset=UTF-8", bytes.length);
        }), getTranslation("admin.processingRecords.download", fileName));
        download.setDownload(true);
        download.setId("processing-record-download");
        downloadArea.add(download);
    }

    /** The document for a form key ({@link #ALL}: every published form). */
    byte[] document(String key, Locale locale) {
        List<ProcessingRecord> list = ALL.equals(key) ? records.all(locale)
                : records.of(key, locale).map(List::of).orElse(List.of());
        return ProcessingRecordDocument.html(list, locale);
    }
}
