package org.formularium.privacy;

import org.formularium.definition.DefinitionParser;
import org.formularium.definition.model.Element;
import org.formularium.definition.model.Elements;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.InputElement;
import org.formularium.definition.model.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The record of processing activities of every demo form, derived from its definition and the installation. */
class ProcessingRecordTest {

    private static final ProcessingRecordBuilder.Context CONTEXT = new ProcessingRecordBuilder.Context(
            "Stadt Voerde (Niederrhein)", "https://www.voerde.de/datenschutz", List.of("clerk", "maria"),
            List.of("https://fachverfahren.voerde.example/hooks/abc?token=geheim",
                    "https://fachverfahren.voerde.example/other", "http://eakte.intern:8443/in"),
            List.of("Fachverfahren Bibliothek"), 30, OffsetDateTime.parse("2026-03-01T10:00:00+01:00"));

    static FormDefinition demo(String key) {
        try (InputStream in = ProcessingRecordTest.class.getResourceAsStream("/forms/demo/" + key + ".json")) {
            return DefinitionParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).definitionOrThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String label(FormDefinition definition, String key) {
        List<Element> all = new ArrayList<>();
        for (Page page : definition.pages()) {
            collect(page.elements(), all);
        }
        return all.stream().filter(e -> e.key().equals(key)).map(e -> ((InputElement) e).label().get("de"))
                .findFirst().orElseThrow();
    }

    private static void collect(List<Element> elements, List<Element> into) {
        for (Element element : Elements.scope(elements)) {
            into.add(element);
            if (element instanceof org.formularium.definition.model.GroupElement group) {
                collect(group.elements(), into);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "buecherwunsch;NAME CONTACT FREE_TEXT OTHER;180;14",
            "fischereischein;NAME DATE_OF_BIRTH ADDRESS CONTACT FILES DECLARATIONS OTHER;1830;30",
            "fundsache;NAME CONTACT FINANCIAL FILES FREE_TEXT OTHER;365;7",
            "ideen-beschwerden;NAME CONTACT FILES FREE_TEXT OTHER;730;14",
            "parkausweis;NAME DATE_OF_BIRTH ADDRESS CONTACT ORGANISATION FINANCIAL FILES DECLARATIONS OTHER;1095;30",
            "veranstaltung;NAME ADDRESS CONTACT ORGANISATION FINANCIAL FILES FREE_TEXT DECLARATIONS OTHER;730;30"})
    void every_demo_form_gets_its_categories_from_its_fields_and_its_retention_from_the_definition(
            String key, String categories, int retentionDays, int draftDays) {
        FormDefinition definition = demo(key);

        ProcessingRecord record = ProcessingRecordBuilder.build(definition, 3, CONTEXT, Locale.GERMAN);

        assertThat(record.categories()).extracting(ProcessingRecord.Category::category)
                .containsExactlyElementsOf(Arrays.stream(categories.split(" ")).map(DataCategory::valueOf).toList());
        assertThat(record.categories()).allSatisfy(c -> assertThat(c.fields()).isNotEmpty());
        assertThat(record.retentionDays()).isEqualTo(retentionDays);
        assertThat(record.draftRetentionDays()).isEqualTo(draftDays);
        assertThat(record.formKey()).isEqualTo(key);
        assertThat(record.version()).isEqualTo(3);
        assertThat(record.title()).isEqualTo(definition.title().get("de"));
        assertThat(record.purposes()).contains(definition.title().get("de"), definition.privacy().purpose().get("de"));
        assertThat(record.legalBasis()).isEqualTo(definition.privacy().legalBasis().get("de"));
        assertThat(record.controller()).startsWith("Stadt Voerde (Niederrhein)")
                .contains(definition.privacy().controller().get("de"));
        assertThat(record.dataSubjects()).containsExactly(ProcessingRecordBuilder.APPLICANTS.get("de"));
        assertThat(record.measures()).hasSize(ProcessingRecordBuilder.MEASURES.size());
    }

    @Test
    void the_fields_behind_a_category_are_named_by_their_labels() {
        FormDefinition fishing = demo("fischereischein");
        FormDefinition parking = demo("parkausweis");

        ProcessingRecord fishingRecord = ProcessingRecordBuilder.build(fishing, 1, CONTEXT, Locale.GERMAN);
        ProcessingRecord parkingRecord = ProcessingRecordBuilder.build(parking, 1, CONTEXT, Locale.GERMAN);

        assertThat(category(fishingRecord, DataCategory.DATE_OF_BIRTH).fields())
                .containsExactly(label(fishing, "date_of_birth"));
        assertThat(category(fishingRecord, DataCategory.NAME).fields())
                .contains(label(fishing, "first_name"), label(fishing, "last_name"));
        assertThat(category(parkingRecord, DataCategory.FINANCIAL).fields()).hasSize(1);
        assertThat(category(fishingRecord, DataCategory.OTHER).fields()).contains(label(fishing, "exam_date"));
    }

    private static ProcessingRecord.Category category(ProcessingRecord record, DataCategory category) {
        return record.categories().stream().filter(c -> c.category() == category).findFirst().orElseThrow();
    }

    @Test
    void recipients_are_the_clerks_their_notifications_the_webhook_hosts_only_and_the_reading_api_keys() {
        ProcessingRecord record = ProcessingRecordBuilder.build(demo("buecherwunsch"), 1, CONTEXT, Locale.GERMAN);

        assertThat(record.recipients()).extracting(ProcessingRecord.Recipient::kind).containsExactly(
                ProcessingRecord.Recipient.Kind.CLERKS, ProcessingRecord.Recipient.Kind.CLERK_MAIL,
                ProcessingRecord.Recipient.Kind.WEBHOOK, ProcessingRecord.Recipient.Kind.WEBHOOK,
                ProcessingRecord.Recipient.Kind.API_KEY);
        assertThat(record.recipients().get(0).detail()).isEqualTo("clerk, maria");
        assertThat(record.recipients()).filteredOn(r -> r.kind() == ProcessingRecord.Recipient.Kind.WEBHOOK)
                .extracting(ProcessingRecord.Recipient::name)
                .containsExactly("Webhook (Fachverfahren): fachverfahren.voerde.example", "Webhook (Fachverfahren): eakte.intern");
        assertThat(record.recipients().toString()).doesNotContain("token", "geheim", "hooks", "8443");
        assertThat(record.recipients().get(4).name()).endsWith("Fachverfahren Bibliothek");
    }

    @Test
    void without_responsible_clerks_or_webhooks_the_record_says_so() {
        ProcessingRecordBuilder.Context empty = new ProcessingRecordBuilder.Context("Stadt Voerde", null, List.of(),
                List.of(), List.of(), 30, CONTEXT.now());

        ProcessingRecord record = ProcessingRecordBuilder.build(demo("fundsache"), 1, empty, Locale.ENGLISH);

        assertThat(record.recipients()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ProcessingRecord.Recipient.Kind.CLERKS);
            assertThat(r.detail()).isEqualTo("nobody assigned yet");
        });
        assertThat(record.language()).isEqualTo("en");
        assertThat(record.title()).isEqualTo("Report a found item");
    }

    @Test
    void persons_named_in_repeating_groups_are_further_data_subjects_and_computed_values_are_no_category() {
        String json = """
                {"schemaVersion": 1, "key": "familie", "languages": ["de"], "title": {"de": "Familienkarte"},
                 "pages": [{"key": "p", "title": {"de": "Seite"}, "elements": [
                   {"type": "text", "key": "name", "label": {"de": "Name"}, "autocomplete": "name"},
                   {"type": "group", "key": "children", "label": {"de": "Kinder"}, "elements": [
                     {"type": "text", "key": "child_name", "label": {"de": "Name des Kindes"}, "autocomplete": "given-name"},
                     {"type": "date", "key": "child_birth", "label": {"de": "Geburtstag des Kindes"}}]},
                   {"type": "computed", "key": "count", "label": {"de": "Anzahl"}, "expression": {"var": "name"}}]}]}
                """;
        FormDefinition definition = DefinitionParser.parse(json).definitionOrThrow();

        ProcessingRecord record = ProcessingRecordBuilder.build(definition, 1, CONTEXT, Locale.GERMAN);

        assertThat(record.dataSubjects()).containsExactly(ProcessingRecordBuilder.APPLICANTS.get("de"),
                ProcessingRecordBuilder.FURTHER_PERSONS.get("de"));
        assertThat(record.categories()).extracting(ProcessingRecord.Category::category)
                .containsExactly(DataCategory.NAME, DataCategory.DATE_OF_BIRTH);
        assertThat(category(record, DataCategory.NAME).fields()).containsExactly("Name", "Name des Kindes");
        assertThat(record.retentionDays()).isNull();
        assertThat(record.draftRetentionDays()).isEqualTo(30);
    }

    @Test
    void the_document_is_one_html_page_with_a_section_per_form_and_escaped_texts() {
        ProcessingRecord books = ProcessingRecordBuilder.build(demo("buecherwunsch"), 1, CONTEXT, Locale.GERMAN);
        ProcessingRecordBuilder.Context hostile = new ProcessingRecordBuilder.Context("<script>alert(1)</script>", null,
                List.of(), List.of(), List.of(), 30, CONTEXT.now());
        ProcessingRecord found = ProcessingRecordBuilder.build(demo("fundsache"), 2, hostile, Locale.GERMAN);

        String html = new String(ProcessingRecordDocument.html(List.of(books, found), Locale.GERMAN), StandardCharsets.UTF_8);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"de\">", "<main>",
                "<h1>Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)</h1>",
                "<h2>" + books.title() + "</h2>", "<h2>" + found.title() + "</h2>",
                "Eingänge: 180 Tage nach Eingang; unvollständige Entwürfe: 14 Tage",
                "fachverfahren.voerde.example", DataCategory.FREE_TEXT.label(Locale.GERMAN),
                "&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>");
        assertThat(html.split("<section ", -1)).hasSize(3);
    }
}
