package org.formularium.backoffice;

import com.fasterxml.jackson.databind.JsonNode;
import org.formularium.definition.DefinitionJson;
import org.formularium.delivery.WebhookService;
import org.formularium.security.Role;
import org.formularium.submission.SubmissionStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.formularium.submission.SubmissionStatus.APPROVED;
import static org.formularium.submission.SubmissionStatus.CLOSED;
import static org.formularium.submission.SubmissionStatus.IN_REVIEW;
import static org.formularium.submission.SubmissionStatus.NEEDS_INFORMATION;
import static org.formularium.submission.SubmissionStatus.RECEIVED;
import static org.formularium.submission.SubmissionStatus.REJECTED;

class ReviewServiceTest extends BackofficeTestBase {

    @Autowired
    ReviewService reviews;
    @Autowired
    org.formularium.shared.crypto.Envelope envelope;
    @Autowired
    CaseService cases;
    @Autowired
    WebhookService webhooks;

    String clerk;
    String form;
    String reference;

    @BeforeEach
    void submission() {
        clerk = user("sachbearbeiterin");
        form = contactFormFor(clerk);
        reference = submit(form, "Jürgen Weißmüller").reference();
        login(clerk, Role.CLERK);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"RECEIVED,IN_REVIEW", "IN_REVIEW,NEEDS_INFORMATION", "IN_REVIEW,APPROVED", "IN_REVIEW,REJECTED",
            "NEEDS_INFORMATION,IN_REVIEW", "NEEDS_INFORMATION,APPROVED", "NEEDS_INFORMATION,REJECTED",
            "APPROVED,CLOSED", "REJECTED,CLOSED"})
    void every_allowed_transition_changes_the_status_and_is_recorded(SubmissionStatus from, SubmissionStatus to) {
        moveTo(from);
        int lock = lockOf(reference);

        SubmissionCase changed = reviews.changeStatus(reference, lock, to, "geprüft", null);

        assertThat(changed.status()).isEqualTo(to);
        assertThat(changed.lockVersion()).isEqualTo(lock + 1);
        HistoryEntry last = cases.history(reference).get(cases.history(reference).size() - 1);
        assertThat(last.from()).isEqualTo(from);
        assertThat(last.to()).isEqualTo(to);
        assertThat(last.actor()).isEqualTo(clerk);
        assertThat(last.comment()).isEqualTo("geprüft");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"RECEIVED,APPROVED", "RECEIVED,REJECTED", "RECEIVED,CLOSED", "RECEIVED,NEEDS_INFORMATION",
            "IN_REVIEW,CLOSED", "IN_REVIEW,RECEIVED", "APPROVED,REJECTED", "REJECTED,APPROVED", "CLOSED,IN_REVIEW",
            "CLOSED,RECEIVED"})
    void a_transition_the_workflow_does_not_allow_is_refused_on_the_server(SubmissionStatus from, SubmissionStatus to) {
        moveTo(from);
        int lock = lockOf(reference);

        assertThatThrownBy(() -> reviews.changeStatus(reference, lock, to, "Kommentar", null))
                .isInstanceOfSatisfying(ReviewRefusedException.class, e ->
                        assertThat(e.reason()).isEqualTo(ReviewRefusedException.Reason.TRANSITION_NOT_ALLOWED));
        assertThat(cases.open(reference).status()).isEqualTo(from);
        assertThat(lockOf(reference)).isEqualTo(lock);
    }

    @Test
    void needs_information_and_rejected_require_a_comment() {
        moveTo(IN_REVIEW);
        int lock = lockOf(reference);

        for (SubmissionStatus to : List.of(NEEDS_INFORMATION, REJECTED)) {
            assertThatThrownBy(() -> reviews.changeStatus(reference, lock, to, "  ", "Bitte Nachweis senden"))
                    .isInstanceOfSatisfying(ReviewRefusedException.class, e ->
                            assertThat(e.reason()).isEqualTo(ReviewRefusedException.Reason.COMMENT_REQUIRED));
        }
        assertThat(cases.open(reference).status()).isEqualTo(IN_REVIEW);
    }

    @Test
    void the_second_of_two_clerks_acting_on_the_same_version_is_told_and_nothing_is_overwritten() {
        String colleague = user("kollege");
        responsibilities.assignUser(form, colleague, "test");
        int seenByBoth = lockOf(reference);

        reviews.changeStatus(reference, seenByBoth, IN_REVIEW, null, null);
        login(colleague, Role.CLERK);

        assertThatThrownBy(() -> reviews.changeStatus(reference, seenByBoth, IN_REVIEW, "auch", null))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThatThrownBy(() -> reviews.assign(reference, seenByBoth, colleague))
                .isInstanceOf(ConcurrentChangeException.class);
        SubmissionCase now = cases.open(reference);
        assertThat(now.status()).isEqualTo(IN_REVIEW);
        assertThat(now.assignedTo()).isNull();
        assertThat(cases.history(reference)).hasSize(1).first()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(clerk));
    }

    @Test
    void a_clerk_assigns_to_themselves_to_a_colleague_and_to_nobody() {
        String colleague = user("kollegin");
        responsibilities.assignUser(form, colleague, "test");

        SubmissionCase mine = reviews.assignToMe(reference, lockOf(reference));
        assertThat(mine.assignedTo()).isEqualTo(clerk);

        SubmissionCase theirs = reviews.assign(reference, mine.lockVersion(), colleague);
        assertThat(theirs.assignedTo()).isEqualTo(colleague);

        SubmissionCase nobody = reviews.assign(reference, theirs.lockVersion(), null);
        assertThat(nobody.assignedTo()).isNull();
        assertThat(cases.history(reference)).extracting(HistoryEntry::kind, HistoryEntry::assignedTo)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(HistoryEntry.Kind.ASSIGNMENT, clerk),
                        org.assertj.core.groups.Tuple.tuple(HistoryEntry.Kind.ASSIGNMENT, colleague),
                        org.assertj.core.groups.Tuple.tuple(HistoryEntry.Kind.ASSIGNMENT, null));
    }

    @Test
    void a_submission_cannot_be_assigned_to_someone_not_responsible_for_the_form() {
        assertThatThrownBy(() -> reviews.assign(reference, lockOf(reference), "fremde-person"))
                .isInstanceOfSatisfying(ReviewRefusedException.class, e ->
                        assertThat(e.reason()).isEqualTo(ReviewRefusedException.Reason.ASSIGNEE_NOT_RESPONSIBLE));
    }

    @Test
    void notes_are_kept_with_author_and_time_and_empty_notes_are_refused() {
        reviews.addNote(reference, "Rückruf vereinbart");
        reviews.addNote(reference, "Unterlagen vollständig");

        List<Note> notes = cases.notes(reference);
        assertThat(notes).extracting(Note::text).containsExactly("Rückruf vereinbart", "Unterlagen vollständig");
        assertThat(notes).allSatisfy(n -> {
            assertThat(n.author()).isEqualTo(clerk);
            assertThat(n.createdAt()).isNotNull();
        });
        assertThatThrownBy(() -> reviews.addNote(reference, " "))
                .isInstanceOfSatisfying(ReviewRefusedException.class, e ->
                        assertThat(e.reason()).isEqualTo(ReviewRefusedException.Reason.NOTE_EMPTY));
    }

    @Test
    void a_clerk_cannot_act_on_a_submission_of_a_form_they_are_not_responsible_for() {
        String foreign = submit(contactFormFor(user("andere")), "Fremd").reference();
        int lock = lockOf(foreign);

        assertThatThrownBy(() -> reviews.changeStatus(foreign, lock, IN_REVIEW, null, null))
                .isInstanceOf(SubmissionNotFoundException.class);
        assertThatThrownBy(() -> reviews.assignToMe(foreign, lock)).isInstanceOf(SubmissionNotFoundException.class);
        assertThatThrownBy(() -> reviews.addNote(foreign, "x")).isInstanceOf(SubmissionNotFoundException.class);
    }

    @Test
    void a_status_change_queues_webhooks_with_the_public_comment_and_a_mail_but_never_the_answers() throws Exception {
        webhooks.add(form, "http://127.0.0.1:9/hook", "test");
        SubmissionCase changed = reviews.changeStatus(reference, lockOf(reference), IN_REVIEW, "intern geprüft",
                "Wir bearbeiten Ihren Antrag.");

        List<Map<String, Object>> queued = jdbc.queryForList(
                "select kind, payload::text as payload from outbox where submission_id = ? and kind = 'STATUS_CHANGED'",
                changed.id());
        assertThat(queued).hasSize(1);

        JsonNode event = awaitWebhookEvent(changed.id());
        assertThat(event.path("type").asText()).isEqualTo("submission.status_changed");
        assertThat(event.path("data").path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(event.path("data").path("previousStatus").asText()).isEqualTo("RECEIVED");
        assertThat(event.path("data").path("publicComment").asText()).isEqualTo("Wir bearbeiten Ihren Antrag.");
        assertThat(event.toString()).doesNotContain("Weißmüller").doesNotContain("buerger@example.org")
                .doesNotContain("intern geprüft");
        await(() -> jdbc.queryForObject("select count(*) from outbox where submission_id = ? and kind = 'MAIL_STATUS_CHANGED'",
                Integer.class, changed.id()) == 1);
    }

    /** The status-change event queued for a webhook: it sits encrypted in the outbox (it carries the public comment). */
    private JsonNode awaitWebhookEvent(long submissionId) throws Exception {
        String sql = "select payload_encrypted from outbox where submission_id = ? and kind = 'WEBHOOK'";
        java.util.function.Supplier<java.util.Optional<JsonNode>> event = () -> jdbc.queryForList(sql, byte[].class, submissionId)
                .stream().map(blob -> readTree(envelope.openText(blob, "outbox.payload:" + submissionId)).path("event"))
                .filter(e -> e.path("type").asText().equals("submission.status_changed")).findFirst();
        await(() -> event.get().isPresent());
        assertThat(jdbc.queryForList("select payload::text from outbox where submission_id = ?", String.class, submissionId))
                .noneMatch(clear -> clear.contains("Wir bearbeiten"));
        return event.get().orElseThrow();
    }

    private static JsonNode readTree(String text) {
        try {
            return DefinitionJson.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(100);
        }
    }

    /** Walks the workflow from RECEIVED to the given status. */
    private void moveTo(SubmissionStatus target) {
        List<SubmissionStatus> path = switch (target) {
            case RECEIVED -> List.of();
            case IN_REVIEW -> List.of(IN_REVIEW);
            case NEEDS_INFORMATION -> List.of(IN_REVIEW, NEEDS_INFORMATION);
            case APPROVED -> List.of(IN_REVIEW, APPROVED);
            case REJECTED -> List.of(IN_REVIEW, REJECTED);
            case CLOSED -> List.of(IN_REVIEW, APPROVED, CLOSED);
        };
        for (SubmissionStatus step : path) {
            reviews.changeStatus(reference, lockOf(reference), step, "Schritt", null);
        }
        assertThat(cases.open(reference).status()).isEqualTo(target == RECEIVED ? RECEIVED : target);
    }
}
