package org.formularium.backoffice.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import org.formularium.backoffice.BackofficeTestBase;
import org.formularium.backoffice.ReviewRefusedException;
import org.formularium.backoffice.ReviewService;
import org.formularium.privacy.DataSubjectService;
import org.formularium.security.Role;
import org.formularium.submission.SubmissionStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TombstoneViewTest extends BackofficeTestBase {

    @Autowired
    DataSubjectService requests;
    @Autowired
    ReviewService reviews;

    @Test
    void an_erased_submission_shows_its_tombstone_and_refuses_every_change() {
        String clerk = user("tombstone");
        String form = contactFormFor(clerk);
        String name = "Grabstein " + UUID.randomUUID();
        String reference = submit(form, name, "gs@example.org").reference();
        long request = requests.erase(new DataSubjectService.Criteria(null, name, null, null), "admin").requestId();
        login(clerk, Role.CLERK);

        UI.getCurrent().navigate("backoffice/" + reference);
        SubmissionView view = _get(SubmissionView.class);

        assertThat(_get(H1.class).getText()).isEqualTo("Antrag " + reference);
        String overview = _get(view, DescriptionList.class, spec -> spec.withClasses("case-overview"))
                .getElement().getTextRecursively();
        assertThat(overview).contains("Kontaktformular", "Gelöscht auf Antrag der betroffenen Person (Anfrage " + request + ")");
        assertThat(_get(view, Paragraph.class, spec -> spec.withClasses("case-deleted")).getText())
                .startsWith("Gelöscht auf Antrag").contains("Antworten, Dokumente, Anhänge und Notizen wurden am");
        assertThat(_find(view, DescriptionList.class, spec -> spec.withClasses("case-answers-list"))).isEmpty();
        assertThat(view.getElement().getTextRecursively()).doesNotContain(name);

        int lock = lockOf(reference);
        assertThatThrownBy(() -> reviews.changeStatus(reference, lock, SubmissionStatus.IN_REVIEW, null, null))
                .isInstanceOfSatisfying(ReviewRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReviewRefusedException.Reason.DELETED));
        assertThatThrownBy(() -> reviews.addNote(reference, "Nachtrag"))
                .isInstanceOfSatisfying(ReviewRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReviewRefusedException.Reason.DELETED));
        assertThatThrownBy(() -> reviews.assignToMe(reference, lock))
                .isInstanceOfSatisfying(ReviewRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReviewRefusedException.Reason.DELETED));
    }
}
