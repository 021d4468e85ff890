package org.formularium.backoffice;

import org.formularium.audit.AuditAction;
import org.formularium.audit.AuditService;
import org.formularium.audit.AuditTarget;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.formularium.definition.outline.AnswerOutline;
import org.formularium.definition.outline.OutlineAnswer;
import org.formularium.definition.outline.OutlineEntry;
import org.formularium.definition.outline.OutlineGroup;
import org.formularium.definition.outline.OutlineSection;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.PublishedForm;
import org.formularium.shared.i18n.Translations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exports of the inbox's filtered selection as CSV and JSON, streamed: rows come from a database cursor
 * and go straight to the output, never the whole selection in memory. Same scope as the inbox: a clerk
 * exports only submissions of their forms.
 *
 * <p>CSV: UTF-8 with BOM, {@code ;} separated, one column per answer with the outline's label (repeating
 * group items numbered, e.g. "Kind 2 – Name"), formulas neutralised ({@link CsvCells}). The columns are
 * collected in a first pass over the cursor (only the column list is kept), the rows written in a second.
 */
@Service
public class ExportService {

    private static final String STATUS_KEY_PREFIX = "submission.status.";

    private final InboxRepository repository;
    private final InboxService inbox;
    private final ResponsibilityService responsibilities;
    private final ClerkContext clerks;
    private final FormService forms;
    private final Translations translations;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditService audit;

    ExportService(InboxRepository repository, InboxService inbox, ResponsibilityService responsibilities,
                  ClerkContext clerks, FormService forms, Translations translations, ObjectMapper json, Clock clock,
                  AuditService audit) {
        this.audit = audit;
        this.repository = repository;
        this.inbox = inbox;
        this.responsibilities = responsibilities;
        this.clerks = clerks;
        this.forms = forms;
        this.translations = translations;
        this.json = json;
        this.clock = clock;
    }

    /** A file name such as {@code antraege-2025-03-01.csv}. */
    public String fileName(String extension) {
        return "antraege-" + LocalDate.now(clock) + "." + extension;
    }

    @Transactional(readOnly = true)
    public void writeCsv(InboxFilter filter, Locale locale, OutputStream out) {
        Clerk clerk = clerks.current();
        FormScope scope = responsibilities.scopeOf(clerk);
        InboxFilter checked = inbox.checked(filter);
        Map<String, PublishedForm> versions = new HashMap<>();
        Map<String, String> columns = new LinkedHashMap<>();
        repository.forEach(checked, scope, clerk.username(), clock.getZone(), full ->
                cells(outline(full, versions, locale)).forEach((id, cell) -> columns.putIfAbsent(id, cell.header())));

        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(clock.getZone());
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(CsvCells.BOM);
            List<String> header = new ArrayList<>(List.of(
                    translations.getTranslation("backoffice.column.reference", locale),
                    translations.getTranslation("backoffice.column.form", locale),
                    translations.getTranslation("backoffice.column.version", locale),
                    translations.getTranslation("backoffice.column.submittedAt", locale),
                    translations.getTranslation("backoffice.column.status", locale),
                    translations.getTranslation("backoffice.column.assignedTo", locale)));
            header.addAll(columns.values());
            writer.write(CsvCells.line(header));
            AtomicInteger exported = new AtomicInteger();
            repository.forEach(checked, scope, clerk.username(), clock.getZone(), full -> {
                exported.incrementAndGet();
                AnswerOutline outline = outline(full, versions, locale);
                Map<String, Cell> cells = cells(outline);
                List<String> line = new ArrayList<>(List.of(full.row().reference(), outline.title(),
                        String.valueOf(full.row().formVersion()), dates.format(full.row().submittedAt()),
                        translations.getTranslation(STATUS_KEY_PREFIX + full.row().status().name(), locale),
                        full.row().assignedTo() == null ? "" : full.row().assignedTo()));
                columns.keySet().forEach(id -> line.add(cells.containsKey(id) ? cells.get(id).value() : ""));
                write(writer, CsvCells.line(line));
            });
            writer.flush();
            recordExport("csv", checked, exported.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * JSON: an array with one object per submission (reference, form, status, dates, assignee and the
     * answers as stored).
     */
    @Transactional(readOnly = true)
    public void writeJson(InboxFilter filter, OutputStream out) {
        Clerk clerk = clerks.current();
        FormScope scope = responsibilities.scopeOf(clerk);
        try {
            JsonGenerator generator = json.getFactory().createGenerator(out);
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.writeStartArray();
            InboxFilter checked = inbox.checked(filter);
            AtomicInteger exported = new AtomicInteger();
            repository.forEach(checked, scope, clerk.username(), clock.getZone(), full -> {
                exported.incrementAndGet();
                try {
                    InboxRow row = full.row();
                    generator.writeStartObject();
                    generator.writeStringField("reference", row.reference());
                    generator.writeObjectFieldStart("form");
                    generator.writeStringField("key", row.formKey());
                    generator.writeNumberField("version", row.formVersion());
                    generator.writeEndObject();
                    generator.writeStringField("status", row.status().name());
                    generator.writeStringField("submittedAt", row.submittedAt().toString());
                    generator.writeStringField("statusChangedAt", row.statusChangedAt().toString());
                    generator.writeStringField("assignedTo", row.assignedTo());
                    generator.writeStringField("language", full.language());
                    generator.writeFieldName("data");
                    generator.writeTree(full.data());
                    generator.writeEndObject();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            generator.writeEndArray();
            generator.flush();
            recordExport("json", checked, exported.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The export in the audit log: format, count and the filter (without the searched field values). */
    private void recordExport(String format, InboxFilter filter, int count) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", format);
        details.put("count", count);
        details.put("status", filter.status());
        details.put("from", filter.from());
        details.put("to", filter.to());
        details.put("assignment", filter.assignment());
        details.put("reference", filter.reference());
        details.put("fieldFilters", filter.fields() == null ? 0 : filter.fields().size());
        audit.record(AuditAction.EXPORT, AuditTarget.FORM, filter.formKey(), details);
    }

    private AnswerOutline outline(InboxRepository.Full full, Map<String, PublishedForm> versions, Locale locale) {
        PublishedForm form = versions.computeIfAbsent(full.row().formKey() + "#" + full.row().formVersion(),
                k -> forms.published(full.row().formKey(), full.row().formVersion()).orElseThrow());
        return AnswerOutline.build(form.definition(), full.data(), locale);
    }

    record Cell(String header, String value) {
    }

    /** The answers of one outline by column id (data path and header), in document order. */
    static Map<String, Cell> cells(AnswerOutline outline) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        outline.pages().forEach(page -> collect(page.entries(), "", cells));
        return cells;
    }

    private static void collect(List<OutlineEntry> entries, String prefix, Map<String, Cell> into) {
        for (OutlineEntry entry : entries) {
            if (entry instanceof OutlineAnswer answer) {
                String header = prefix + answer.label();
                into.put(answer.path() + "\u0000" + header, new Cell(header, answer.displayValue()));
            } else if (entry instanceof OutlineSection section) {
                collect(section.entries(), prefix, into);
            } else if (entry instanceof OutlineGroup group) {
                group.items().forEach(item -> collect(item.entries(), prefix + item.label() + " – ", into));
            }
        }
    }

    private static void write(Writer writer, String text) {
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
