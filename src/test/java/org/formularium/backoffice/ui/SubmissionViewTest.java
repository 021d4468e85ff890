package org.formularium.backoffice.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.textfield.TextArea;
import org.formularium.backoffice.BackofficeTestBase;
import org.formularium.backoffice.ReviewService;
import org.formularium.security.Role;
import org.formularium.shared.ui.NotFoundView;
import org.formularium.submission.SubmissionStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class SubmissionViewTest extends BackofficeTestBase {

    @Autowired
    ReviewService reviews;

    String clerk;
    String form;
    String reference;

    @BeforeEach
    void submission() {
        clerk = user("detail");
        form = contactFormFor(clerk);
        reference = submit(form, "Jürgen Weißmüller", "jw@example.org").reference();
        login(clerk, Role.CLERK);
    }

    @Test
    void the_detail_shows_the_overview_and_the_answers_as_laid_out_in_the_form() {
        SubmissionView view = open(reference);

        assertThat(_get(H1.class).getText()).isEqualTo("Antrag " + reference);
        assertThat(view.getPageTitle()).isEqualTo("Antrag " + reference + " – Formularium");
        String answers = _get(view, DescriptionList.class, spec -> spec.withClasses("case-answers-list"))
                .getElement().getTextRecursively();
        assertThat(answers).contains("Name", "Jürgen Weißmüller", "E-Mail", "jw@example.org", "Foto", "Keine Angabe");
        String overview = _get(view, DescriptionList.class, spec -> spec.withClasses("case-overview"))
                .getElement().getTextRecursively();
        assertThat(overview).contains("Kontaktformular", "Eingegangen", "Niemand");
    }

    @Test
    void once_the_documents_exist_the_detail_offers_pdf_json_and_xml() throws InterruptedException {
        java.time.Instant until = java.time.Instant.now().plusSeconds(90);
        while (submissions.document(reference, "pdf").isEmpty() || submissions.document(reference, "xml").isEmpty()
                || submissions.document(reference, "json").isEmpty()) {
            assertThat(java.time.Instant.now()).as("documents produced by the outbox").isBefore(until);
            Thread.sleep(250);
        }

        open(reference);

        Anchor view = _get(Anchor.class, spec -> spec.withText("PDF ansehen (öffnet in neuem Fenster)"));
        assertThat(view.getTarget()).contains("_blank");
        for (String text : new String[]{"PDF herunterladen", "JSON herunterladen", "XML herunterladen"}) {
            assertThat(_get(Anchor.class, spec -> spec.withText(text)).getElement().hasAttribute("download")).isTrue();
        }
    }

    @Test
    void a_foreign_reference_shows_the_same_not_found_page_as_an_unknown_one() {
        String foreign = submit(contactFormFor(user("fremd")), "Fremd").reference();

        UI.getCurrent().navigate("backoffice/" + foreign);
        assertThat(_find(SubmissionView.class)).isEmpty();
        _get(NotFoundView.class);
        String foreignPage = _get(H1.class).getText();

        UI.getCurrent().navigate("backoffice/FM-1999-999999");
        _get(NotFoundView.class);
        assertThat(_get(H1.class).getText()).isEqualTo(foreignPage).isEqualTo("Seite nicht gefunden");
    }

    @Test
    void a_clerk_takes_the_submission_into_review_with_a_public_comment_and_the_history_shows_it() {
        SubmissionView view = open(reference);

        _setValue(view.nextStatus, SubmissionStatus.IN_REVIEW);
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Nachricht an die antragstellende Person (optional)")),
                "Wir kümmern uns.");
        _click(_get(Button.class, spec -> spec.withText("Status ändern")));

        assertThat(view.current.status()).isEqualTo(SubmissionStatus.IN_REVIEW);
        assertThat(view.alertText()).isEqualTo("Der Status ist jetzt „In Bearbeitung“.");
        String history = _get(NativeTable.class).getElement().getTextRecursively();
        assertThat(history).contains(clerk, "Eingegangen → In Bearbeitung", "Wir kümmern uns.");
        assertThat(view.nextStatus.getListDataView().getItems().toList())
                .containsExactly(SubmissionStatus.NEEDS_INFORMATION, SubmissionStatus.APPROVED, SubmissionStatus.REJECTED);
    }

    @Test
    void rejecting_without_a_comment_is_refused_and_the_comment_field_says_why() {
        reviews.changeStatus(reference, lockOf(reference), SubmissionStatus.IN_REVIEW, null, null);
        SubmissionView view = open(reference);

        _setValue(view.nextStatus, SubmissionStatus.REJECTED);
        _click(view.changeStatus);

        assertThat(view.current.status()).isEqualTo(SubmissionStatus.IN_REVIEW);
        assertThat(view.comment.isInvalid()).isTrue();
        assertThat(view.comment.getErrorMessage()).startsWith("Geben Sie einen internen Kommentar ein");
        assertThat(view.alertText()).startsWith("Geben Sie einen internen Kommentar ein");
    }

    @Test
    void when_a_colleague_changed_the_submission_meanwhile_the_clerk_is_told_and_can_reload() {
        String colleague = user("kollegin");
        responsibilities.assignUser(form, colleague, "test");
        SubmissionView view = open(reference);
        login(colleague, Role.CLERK);
        reviews.changeStatus(reference, view.current.lockVersion(), SubmissionStatus.IN_REVIEW, null, null);
        login(clerk, Role.CLERK);

        _click(view.assignToMe);

        assertThat(view.alertText()).startsWith("Jemand anderes hat diesen Antrag inzwischen geändert");
        assertThat(lockOf(reference)).isEqualTo(1);
        _click(_get(Button.class, spec -> spec.withText("Antrag neu laden")));
        assertThat(view.current.status()).isEqualTo(SubmissionStatus.IN_REVIEW);
        assertThat(view.alertText()).isEmpty();
        _click(view.assignToMe);
        assertThat(view.current.assignedTo()).isEqualTo(clerk);
    }

    @Test
    void a_clerk_assigns_the_submission_to_themselves_and_adds_a_note() {
        SubmissionView view = open(reference);

        _click(_get(Button.class, spec -> spec.withText("Mir zuweisen")));
        assertThat(view.current.assignedTo()).isEqualTo(clerk);

        _setValue(_get(TextArea.class, spec -> spec.withLabel("Neue Notiz")), "Rückruf am Montag");
        _click(_get(Button.class, spec -> spec.withText("Notiz speichern")));

        assertThat(view.getElement().getTextRecursively()).contains("Rückruf am Montag");
        assertThat(view.alertText()).isEqualTo("Die Notiz ist gespeichert.");
    }

    @Test
    void an_empty_note_is_refused_at_its_field() {
        SubmissionView view = open(reference);

        _click(view.addNote);

        assertThat(view.noteText.isInvalid()).isTrue();
        assertThat(view.noteText.getErrorMessage()).isEqualTo("Geben Sie einen Text für die Notiz ein.");
    }

    private SubmissionView open(String ref) {
        UI.getCurrent().navigate("backoffice/" + ref);
        return _get(SubmissionView.class);
    }
}
