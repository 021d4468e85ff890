package org.formularium.admin.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.EmailField;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.store.FormService;
import org.formularium.privacy.DataSubjectRequest;
import org.formularium.security.Role;
import org.formularium.shared.ui.AccessDeniedView;
import org.formularium.submission.Channel;
import org.formularium.submission.SubmissionService;
import org.formularium.submission.SubmitCommand;
import org.formularium.support.AbstractKaribuTest;
import org.formularium.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Locale;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class DataSubjectRequestsViewTest extends AbstractKaribuTest {

    @Autowired
    FormService forms;
    @Autowired
    SubmissionService submissions;

    @Test
    void admin_finds_a_person_and_erases_after_confirming() {
        String form = TestData.uniqueKey("betroffene");
        ObjectNode definition = (ObjectNode) TestData.contactForm(form, false);
        ((ObjectNode) definition.at("/pages/0/elements/1")).put("indexed", true);
        forms.create(definition, "test", true);
        String email = "person-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String reference = submissions.submit(new SubmitCommand(form, null,
                DefinitionJson.mapper().createObjectNode().put("name", "Person").put("email", email), Locale.GERMAN,
                "dsr-ui-" + UUID.randomUUID(), Channel.RUNTIME, null, null)).reference();
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/data-subject-requests");
        DataSubjectRequestsView view = _get(DataSubjectRequestsView.class);

        _click(_get(Button.class, spec -> spec.withText("Suchen")));
        assertThat(view.searchError.isVisible()).isTrue();
        assertThat(view.searchError.getText()).isEqualTo("Geben Sie mindestens eine Angabe zur Person ein.");
        assertThat(view.results.isVisible()).isFalse();

        _setValue(_get(EmailField.class, spec -> spec.withLabel("E-Mail-Adresse")), email);
        _click(_get(Button.class, spec -> spec.withText("Suchen")));

        assertThat(view.searchError.isVisible()).isFalse();
        assertThat(view.found.getText()).isEqualTo("1 Anträge und 0 Entwürfe gefunden.");
        assertThat(_size(view.submissions)).isEqualTo(1);
        assertThat(GridKt._get(view.submissions, 0).reference()).isEqualTo(reference);
        assertThat(view.actions.isVisible()).isTrue();
        assertThat(view.export.getHref()).isNotBlank();
        assertThat(GridKt._get(view.log, 0).type()).isEqualTo(DataSubjectRequest.Type.SEARCH);

        _click(view.erase);
        assertThat(view.dialog.isOpened()).isTrue();
        assertThat(view.dialog.getElement().getAttribute("aria-label")).isEqualTo("Daten der Person löschen?");
        assertThat(submissions.find(reference).orElseThrow().deleted()).as("nothing before confirming").isFalse();
        _click(_get(view.dialog, Button.class, spec -> spec.withText("Endgültig löschen")));

        assertThat(submissions.find(reference).orElseThrow().deleted()).isTrue();
        DataSubjectRequest erased = GridKt._get(view.log, 0);
        assertThat(erased.type()).isEqualTo(DataSubjectRequest.Type.ERASE);
        assertThat(erased.submissionReferences()).containsExactly(reference);
        assertThat(submissions.find(reference).orElseThrow().deletionReason()).isEqualTo("erased on request " + erased.id());
        assertThat(_size(view.submissions)).isZero();
        assertThat(view.actions.isVisible()).as("nothing left to export or erase").isFalse();
    }

    @Test
    void a_clerk_cannot_open_the_data_subject_requests() {
        login("clerk", Role.CLERK);
        UI.getCurrent().navigate("admin/data-subject-requests");
        assertThat(_find(DataSubjectRequestsView.class)).isEmpty();
        _get(AccessDeniedView.class);
    }
}
