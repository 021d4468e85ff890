package org.formularium.privacy;

import org.formularium.api.keys.ApiScope;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.store.FormService;
import org.formularium.runtime.DraftService;
import org.formularium.submission.AttachmentService;
import org.formularium.submission.DeletionReason;
import org.formularium.submission.SubmissionRecord;
import org.formularium.submission.SubmissionService;
import org.formularium.support.AbstractApiTest;
import org.formularium.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class DataSubjectRequestTest extends AbstractApiTest {

    @Autowired
    DataSubjectService requests;
    @Autowired
    FormService forms;
    @Autowired
    SubmissionService submissions;
    @Autowired
    AttachmentService attachments;
    @Autowired
    DraftService drafts;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_person_is_found_across_forms_by_an_indexed_email_exported_and_erased() throws Exception {
        PrivacyFixtures fixtures = new PrivacyFixtures(forms, submissions, attachments, jdbc);
        String email = "erika-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String first = fixtures.form("dsr-a", 365);
        String second = fixtures.form("dsr-b", 365);
        String notIndexed = TestData.uniqueKey("dsr-c");
        forms.create(TestData.contactForm(notIndexed, false), "test", true);
        String inFirst = fixtures.submitWithPhoto(first, "Erika Mustermann", email);
        String inSecond = fixtures.submitWithPhoto(second, "Erika M.", email);
        String someoneElse = fixtures.submitWithPhoto(first, "Max Muster", "max-" + email);
        String unindexedAnswer = fixtures.submitWithPhoto(notIndexed, "Erika", email);
        drafts.save(null, second, 1, DefinitionJson.mapper().createObjectNode().put("email", email), null, 2);
        DataSubjectService.Criteria criteria = new DataSubjectService.Criteria(" " + email.toUpperCase() + " ", null,
                null, null);

        DataSubjectService.Findings found = requests.search(criteria, "admin");

        assertThat(found.references()).containsExactlyInAnyOrder(inFirst, inSecond)
                .doesNotContain(someoneElse, unindexedAnswer);
        assertThat(found.drafts()).singleElement().satisfies(d -> assertThat(d.formKey()).isEqualTo(second));
        DataSubjectRequest searched = requests.request(found.requestId()).orElseThrow();
        assertThat(searched.type()).isEqualTo(DataSubjectRequest.Type.SEARCH);
        assertThat(searched.criteriaKinds()).isEqualTo("email");
        assertThat(searched.submissionReferences()).containsExactlyInAnyOrder(inFirst, inSecond);
        assertThat(jdbc.queryForObject("select count(*) from data_subject_request where id = ? and "
                + "lower(row(data_subject_request.*)::text) like ?", Integer.class, found.requestId(), "%" + email + "%"))
                .isZero();

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        DataSubjectService.Findings exported = requests.export(criteria, "admin", zip);
        Map<String, byte[]> entries = unzip(zip.toByteArray());

        String reader = keyWith(ApiScope.SUBMISSIONS_READ);
        for (String reference : List.of(inFirst, inSecond)) {
            HttpResponse<String> api = get("/api/v1/submissions/" + reference, reader);
            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(new String(entries.get("submissions/" + reference + "/submission.json"), StandardCharsets.UTF_8))
                    .isEqualTo(api.body());
            assertThat(new String(entries.get("submissions/" + reference + "/receipt.pdf"), 0, 4, StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF");
            assertThat(entries).containsKey("submissions/" + reference + "/submission.xml")
                    .containsKey("submissions/" + reference + "/attachments/1-foto.png");
        }
        assertThat(entries.keySet()).noneMatch(name -> name.contains(someoneElse) || name.contains(unindexedAnswer));
        var manifest = objectMapper.readTree(entries.get("manifest.json"));
        assertThat(manifest.path("request").asLong()).isEqualTo(exported.requestId());
        assertThat(manifest.path("submissions")).hasSize(2);
        assertThat(manifest.path("drafts")).hasSize(1);
        String draftFile = manifest.path("drafts").get(0).path("file").asText();
        assertThat(objectMapper.readTree(entries.get(draftFile)).path("data").path("email").asText()).isEqualTo(email);
        assertThat(requests.request(exported.requestId()).orElseThrow().type()).isEqualTo(DataSubjectRequest.Type.EXPORT);

        DataSubjectService.Findings erased = requests.erase(criteria, "admin");

        DataSubjectRequest record = requests.request(erased.requestId()).orElseThrow();
        assertThat(record.type()).isEqualTo(DataSubjectRequest.Type.ERASE);
        assertThat(record.adminUser()).isEqualTo("admin");
        assertThat(record.submissionReferences()).containsExactlyInAnyOrder(inFirst, inSecond);
        assertThat(record.draftCount()).isEqualTo(1);
        for (String reference : List.of(inFirst, inSecond)) {
            SubmissionRecord tombstone = submissions.find(reference).orElseThrow();
            assertThat(tombstone.deletionReason()).isEqualTo(DeletionReason.erasure(erased.requestId()))
                    .isEqualTo("erased on request " + erased.requestId());
            assertThat(tombstone.data().isEmpty()).isTrue();
            assertThat(fixtures.rowsOf("attachment", reference)).isZero();
            assertThat(fixtures.rowsOf("submission_document", reference)).isZero();
            for (String path : List.of("", "/pdf", "/xml")) {
                HttpResponse<String> gone = get("/api/v1/submissions/" + reference + path, reader);
                assertProblem(gone, 410);
                assertThat(gone.body()).contains("erased on request");
            }
        }
        assertThat(fixtures.count("select count(*) from draft where form_key = ?", second)).isZero();
        assertThat(submissions.find(someoneElse).orElseThrow().deleted()).isFalse();
        assertThat(submissions.find(unindexedAnswer).orElseThrow().deleted()).isFalse();
        assertThat(requests.search(criteria, "admin").references()).isEmpty();
        assertThat(requests.requests()).extracting(DataSubjectRequest::id)
                .contains(found.requestId(), exported.requestId(), erased.requestId());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
