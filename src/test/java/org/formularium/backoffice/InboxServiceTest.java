package org.formularium.backoffice;

import org.formularium.backoffice.InboxFilter.Assignment;
import org.formularium.security.Role;
import org.formularium.submission.SubmissionStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InboxServiceTest extends BackofficeTestBase {

    @Autowired
    InboxService inbox;
    @Autowired
    ReviewService reviews;

    String clerk;
    String form;
    String otherForm;
    String anna;
    String bernd;
    String clara;
    String foreign;

    @BeforeEach
    void submissions() {
        clerk = user("inbox");
        form = contactFormFor(clerk);
        otherForm = contactFormFor(clerk);
        anna = submit(form, "Anna Österreicher").reference();
        bernd = submit(form, "Bernd 100%_Sicher").reference();
        clara = submit(otherForm, "Clara Anders").reference();
        foreign = submit(contactFormFor(user("fremd")), "Dieter Fremd").reference();
        login(clerk, Role.CLERK);
    }

    @Test
    void a_clerk_sees_the_submissions_of_their_forms_newest_first_and_never_another_form_s() {
        List<String> page = references(InboxFilter.ALL, true);

        assertThat(page).containsSubsequence(clara, bernd, anna).doesNotContain(foreign);
        assertThat(references(InboxFilter.ALL, false)).containsSubsequence(anna, bernd, clara);
        assertThat(inbox.count(InboxFilter.ALL)).isEqualTo(3);
    }

    @Test
    void asking_for_another_clerk_s_form_gives_nothing() {
        String foreignForm = jdbc.queryForObject("select form_key from submission where reference = ?", String.class,
                foreign);

        InboxFilter filter = InboxFilter.ALL.withForm(foreignForm);
        assertThat(inbox.page(filter, true, 0, 50)).isEmpty();
        assertThat(inbox.count(filter)).isZero();
        assertThat(inbox.countsByStatus(filter).values()).allMatch(n -> n == 0);
        assertThat(inbox.forms()).extracting(f -> f.key()).contains(form, otherForm).doesNotContain(foreignForm);
    }

    @Test
    void a_clerk_responsible_for_nothing_sees_nothing_and_an_admin_sees_everything() {
        login(user("neu"), Role.CLERK);
        assertThat(inbox.count(InboxFilter.ALL)).isZero();

        login(user("admin"), Role.ADMIN);
        assertThat(references(InboxFilter.ALL, true)).contains(anna, bernd, clara, foreign);
    }

    @Test
    void filters_by_form_status_reference_and_date() {
        reviews.changeStatus(anna, lockOf(anna), SubmissionStatus.IN_REVIEW, null, null);

        assertThat(references(InboxFilter.ALL.withForm(form), true)).containsExactly(bernd, anna);
        assertThat(references(InboxFilter.ALL.withStatus(SubmissionStatus.IN_REVIEW), true)).containsExactly(anna);
        assertThat(references(InboxFilter.ALL.withReference(bernd), true)).containsExactly(bernd);
        assertThat(references(InboxFilter.ALL.withReference(bernd.substring(3).toLowerCase()), true))
                .containsExactly(bernd);
        LocalDate today = LocalDate.now();
        assertThat(references(InboxFilter.ALL.withDates(today, today), true)).hasSize(3);
        assertThat(references(InboxFilter.ALL.withDates(today.plusDays(1), null), true)).isEmpty();
        assertThat(references(InboxFilter.ALL.withDates(null, today.minusDays(1)), true)).isEmpty();
    }

    @Test
    void filters_by_assignment_to_me_or_nobody() {
        reviews.assignToMe(bernd, lockOf(bernd));

        assertThat(references(InboxFilter.ALL.withAssignment(Assignment.MINE), true)).containsExactly(bernd);
        assertThat(references(InboxFilter.ALL.withAssignment(Assignment.UNASSIGNED), true))
                .containsExactly(clara, anna);
    }

    @Test
    void searches_the_indexed_answers_of_the_chosen_form_as_text_contains_with_wildcards_taken_literally() {
        assertThat(inbox.indexedFields(form)).extracting(IndexedField::key).containsExactly("name");

        assertThat(references(InboxFilter.ALL.withForm(form).withFields(Map.of("name", "österr")), true))
                .containsExactly(anna);
        assertThat(references(InboxFilter.ALL.withForm(form).withFields(Map.of("name", "100%_")), true))
                .containsExactly(bernd);
        assertThat(references(InboxFilter.ALL.withForm(form).withFields(Map.of("name", "%")), true))
                .containsExactly(bernd);
    }

    @Test
    void answers_that_are_not_indexed_cannot_be_searched() {
        InboxFilter byEmail = InboxFilter.ALL.withForm(form).withFields(Map.of("email", "nichts-passt"));

        assertThat(references(byEmail, true)).containsExactly(bernd, anna);
    }

    @Test
    void counts_per_status_ignore_the_status_criterion() {
        reviews.changeStatus(anna, lockOf(anna), SubmissionStatus.IN_REVIEW, null, null);

        Map<SubmissionStatus, Integer> counts = inbox.countsByStatus(InboxFilter.ALL.withStatus(SubmissionStatus.IN_REVIEW));

        assertThat(counts).containsEntry(SubmissionStatus.RECEIVED, 2).containsEntry(SubmissionStatus.IN_REVIEW, 1)
                .containsEntry(SubmissionStatus.CLOSED, 0);
    }

    @Test
    void pages_are_cut_with_offset_and_limit() {
        assertThat(inbox.page(InboxFilter.ALL, true, 0, 2)).extracting(InboxRow::reference).containsExactly(clara, bernd);
        assertThat(inbox.page(InboxFilter.ALL, true, 2, 2)).extracting(InboxRow::reference).containsExactly(anna);
    }

    private List<String> references(InboxFilter filter, boolean newestFirst) {
        return inbox.page(filter, newestFirst, 0, 100).stream().map(InboxRow::reference).toList();
    }
}
