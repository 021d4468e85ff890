package org.formularium.api;

import org.formularium.api.keys.ApiScope;
import org.formularium.api.keys.CreatedApiKey;
import org.formularium.audit.ActorType;
import org.formularium.audit.AuditAction;
import org.formularium.audit.AuditEntry;
import org.formularium.audit.AuditQuery;
import org.formularium.audit.AuditService;
import org.formularium.audit.AuditTarget;
import org.formularium.definition.store.FormService;
import org.formularium.support.AbstractApiTest;
import org.formularium.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the API leaves in the audit log: the key (id and name) that created, read and changed a submission. */
class ApiAuditTest extends AbstractApiTest {

    @Autowired
    FormService forms;
    @Autowired
    AuditService audit;

    @Test
    void creating_reading_and_changing_a_submission_through_the_api_is_recorded_for_the_key() throws Exception {
        String formKey = TestData.uniqueKey("apiaudit");
        forms.create(TestData.contactForm(formKey, false), "test", true);
        CreatedApiKey key = createKey(ApiScope.SUBMISSIONS_WRITE, ApiScope.SUBMISSIONS_READ);

        HttpResponse<String> created = send(request("/api/v1/forms/" + formKey + "/submissions")
                .header("Authorization", "Bearer " + key.plainKey()).header("Content-Type", JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Canary Person\", \"email\": \"c@example.de\"}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String reference = json(created).path("reference").asText();
        assertThat(get("/api/v1/submissions/" + reference, key.plainKey()).statusCode()).isEqualTo(200);
        HttpResponse<String> changed = send(request("/api/v1/submissions/" + reference)
                .header("Authorization", "Bearer " + key.plainKey()).header("Content-Type", JSON)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\": \"IN_REVIEW\"}")));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        // the submission's own entry is written by the outbox after commit
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> audit.find(
                new AuditQuery(null, null, null, null, AuditTarget.SUBMISSION, reference), 0, 10).size() == 3);
        List<AuditEntry> entries = audit.find(new AuditQuery(null, null, null, null, AuditTarget.SUBMISSION,
                reference), 0, 10);
        // newest first; the creation entry comes from the outbox, so it may follow the read
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactlyInAnyOrder(AuditAction.CHANGE, AuditAction.VIEW, AuditAction.CREATE);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.actor().type()).isEqualTo(ActorType.API_KEY);
            assertThat(e.actor().id()).isEqualTo(Long.toString(key.key().id()));
            assertThat(e.actor().name()).isEqualTo(key.key().name());
            assertThat(e.details().toString()).doesNotContain("Canary");
        });
        assertThat(entries.stream().filter(e -> e.action() == AuditAction.CHANGE).findFirst().orElseThrow().details())
                .containsEntry("to", "IN_REVIEW");
    }
}
