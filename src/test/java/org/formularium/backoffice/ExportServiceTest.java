package org.formularium.backoffice;

import com.fasterxml.jackson.databind.JsonNode;
import org.formularium.definition.DefinitionJson;
import org.formularium.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ExportServiceTest extends BackofficeTestBase {

    @Autowired
    ExportService exports;

    String clerk;
    String form;
    String foreignForm;

    @BeforeEach
    void forms() {
        clerk = user("export");
        form = contactFormFor(clerk);
        foreignForm = contactFormFor(user("fremd"));
        login(clerk, Role.CLERK);
    }

    @Test
    void csv_is_utf8_with_bom_semicolon_separated_with_outline_labels_and_umlauts() {
        String reference = submit(form, "Jürgen Weißmüller; \"Jr.\"", "jw@example.org").reference();

        byte[] bytes = csv(InboxFilter.ALL.withForm(form), Locale.GERMAN);

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = lines(bytes);
        assertThat(lines.get(0)).isEqualTo("\"Referenznummer\";\"Formular\";\"Version\";\"Eingegangen am\";\"Status\";"
                + "\"Zugewiesen an\";\"Name\";\"E-Mail\";\"Foto\"");
        assertThat(lines.get(1)).startsWith("\"" + reference + "\";\"Kontaktformular\";\"1\";")
                .endsWith(";\"Eingegangen\";\"\";\"Jürgen Weißmüller; \"\"Jr.\"\"\";\"jw@example.org\";\"\"");
        assertThat(lines).hasSize(2);
        assertThat(lines(csv(InboxFilter.ALL.withForm(form), Locale.ENGLISH)).get(0))
                .startsWith("\"Reference number\";\"Form\";").endsWith("\"Name\";\"Email\";\"Photo\"");
    }

    @Test
    void csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised() {
        List<String> payloads = List.of("=1+1", "+SUM(A1:A9)", "-2", "@cmd", "\tTab", "\rReturn");
        for (String payload : payloads.subList(0, 4)) {
            submit(form, payload);
        }
        // the runtime trims answers, so leading tab and CR only arrive through other channels: stored directly
        insertRaw(form, "\tTab");
        insertRaw(form, "\rReturn");

        List<String> lines = lines(csv(InboxFilter.ALL.withForm(form), Locale.GERMAN));
        String body = String.join("\n", lines.subList(1, lines.size()));

        assertThat(body).contains("\"'=1+1\"", "\"'+SUM(A1:A9)\"", "\"'-2\"", "\"'@cmd\"");
        // the answer outline trims a stored leading tab or CR; should one ever reach a cell, it is neutralised
        assertThat(body).contains(";\"Tab\";", ";\"Return\";").doesNotContain("\t").doesNotContain("\r");
        assertThat(CsvCells.cell("\tTab")).isEqualTo("\"'\tTab\"");
        assertThat(CsvCells.cell("\rReturn")).isEqualTo("\"'\rReturn\"");
        for (String payload : payloads) {
            assertThat(body).doesNotContain(";\"" + payload);
        }
        assertThat(CsvCells.cell("harmlos")).isEqualTo("\"harmlos\"");
        assertThat(CsvCells.cell("a=b")).isEqualTo("\"a=b\"");
    }

    @Test
    void json_export_holds_the_selection_with_answers() throws Exception {
        String reference = submit(form, "Anna").reference();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.writeJson(InboxFilter.ALL.withForm(form), out);
        JsonNode array = DefinitionJson.mapper().readTree(out.toByteArray());

        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(1);
        assertThat(array.get(0).path("reference").asText()).isEqualTo(reference);
        assertThat(array.get(0).path("form").path("key").asText()).isEqualTo(form);
        assertThat(array.get(0).path("data").path("name").asText()).isEqualTo("Anna");
    }

    @Test
    void a_clerk_cannot_export_another_form_s_submissions_even_when_asking_for_that_form() throws Exception {
        submit(foreignForm, "Geheim");
        submit(form, "Eigen");

        String everything = new String(csv(InboxFilter.ALL, Locale.GERMAN), StandardCharsets.UTF_8);
        String foreignCsv = new String(csv(InboxFilter.ALL.withForm(foreignForm), Locale.GERMAN), StandardCharsets.UTF_8);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        exports.writeJson(InboxFilter.ALL.withForm(foreignForm), json);

        assertThat(everything).contains("Eigen").doesNotContain("Geheim");
        assertThat(lines(foreignCsv.getBytes(StandardCharsets.UTF_8))).hasSize(1);
        assertThat(DefinitionJson.mapper().readTree(json.toByteArray())).isEmpty();
    }

    private void insertRaw(String formKey, String name) {
        String key = UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("""
                insert into submission (reference, access_code_hash, form_key, form_version, language, channel,
                    idempotency_key, request_hash, data, submitted_at, status_changed_at)
                values (?, 'x', ?, 1, 'de', 'API', ?, 'x', jsonb_build_object('name', ?::text), now(), now())
                """, "RAW-" + key, formKey, "raw-" + key, name);
    }

    private byte[] csv(InboxFilter filter, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.writeCsv(filter, locale, out);
        return out.toByteArray();
    }

    /** Lines split at CRLF (line ends), so a CR inside a quoted cell stays in its line. */
    private static List<String> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        return Arrays.stream(text.split("\r\n")).filter(l -> !l.isEmpty()).toList();
    }
}
