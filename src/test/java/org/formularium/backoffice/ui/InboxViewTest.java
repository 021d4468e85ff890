package org.formularium.backoffice.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextField;
import org.formularium.backoffice.BackofficeTestBase;
import org.formularium.backoffice.InboxFilter.Assignment;
import org.formularium.backoffice.InboxRow;
import org.formularium.definition.store.FormSummary;
import org.formularium.security.Role;
import org.formularium.shared.i18n.Languages;
import org.formularium.submission.SubmissionStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class InboxViewTest extends BackofficeTestBase {

    String clerk;
    String form;
    String otherForm;
    String foreignForm;
    String anna;
    String bernd;
    String clara;

    @BeforeEach
    void submissions() {
        clerk = user("posteingang");
        form = contactFormFor(clerk);
        otherForm = contactFormFor(clerk);
        foreignForm = contactFormFor(user("fremd"));
        anna = submit(form, "Anna Arndt").reference();
        bernd = submit(form, "Bernd Brandt").reference();
        clara = submit(otherForm, "Clara Christ").reference();
        submit(foreignForm, "Fremde Person");
        login(clerk, Role.CLERK);
    }

    @Test
    void the_inbox_lists_the_clerk_s_submissions_newest_first_and_no_other_form_s() {
        InboxView view = open();

        assertThat(rows(view)).containsExactly(clara, bernd, anna);
        assertThat(view.resultCount.getText()).isEqualTo("3 Anträge gefunden");
        assertThat(view.form.getListDataView().getItems().map(FormSummary::key).toList())
                .contains(form, otherForm).doesNotContain(foreignForm);
    }

    @Test
    void searching_for_the_reference_of_another_form_s_submission_finds_nothing() {
        String foreign = jdbc.queryForObject("select reference from submission where form_key = ?", String.class,
                foreignForm);
        InboxView view = open();

        _setValue(view.reference, foreign);

        assertThat(rows(view)).isEmpty();
        assertThat(view.resultCount.getText()).isEqualTo("Keine Anträge gefunden");
    }

    @Test
    void filters_by_form_status_reference_and_assignment() {
        InboxView view = open();

        _setValue(view.form, summary(view, form));
        assertThat(rows(view)).containsExactly(bernd, anna);

        _setValue(_get(TextField.class, spec -> spec.withLabel("Referenznummer")), anna);
        assertThat(rows(view)).containsExactly(anna);

        _setValue(view.reference, "");
        _setValue(view.status, SubmissionStatus.CLOSED);
        assertThat(rows(view)).isEmpty();
        assertThat(view.resultCount.getText()).isEqualTo("Keine Anträge gefunden");

        _setValue(view.status, null);
        _setValue(view.assignment, Assignment.MINE);
        assertThat(rows(view)).isEmpty();
        _setValue(view.assignment, Assignment.UNASSIGNED);
        assertThat(rows(view)).containsExactly(bernd, anna);
    }

    @Test
    void the_indexed_answers_of_the_chosen_form_become_search_fields() {
        InboxView view = open();
        assertThat(_find(TextField.class, spec -> spec.withLabel("Name enthält"))).isEmpty();

        _setValue(view.form, summary(view, form));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name enthält")), "brandt");

        assertThat(rows(view)).containsExactly(bernd);
    }

    @Test
    void counts_per_status_are_buttons_that_filter_by_their_status() {
        InboxView view = open();
        Button received = _get(view.statusCounts, Button.class, spec -> spec.withText("Eingegangen: 3"));
        _get(view.statusCounts, Button.class, spec -> spec.withText("In Bearbeitung: 0"));

        _click(received);

        assertThat(view.status.getValue()).isEqualTo(SubmissionStatus.RECEIVED);
        assertThat(rows(view)).hasSize(3);
        assertThat(_get(view.statusCounts, Button.class, spec -> spec.withText("Eingegangen: 3"))
                .getElement().getAttribute("aria-pressed")).isEqualTo("true");
    }

    @Test
    void the_filtered_selection_is_offered_as_csv_and_json_downloads() {
        InboxView view = open();

        Anchor csv = _get(Anchor.class, spec -> spec.withText("Auswahl als CSV herunterladen"));
        Anchor json = _get(Anchor.class, spec -> spec.withText("Auswahl als JSON herunterladen"));

        assertThat(csv.getElement().hasAttribute("download")).isTrue();
        assertThat(csv.getHref()).isNotBlank();
        assertThat(json.getHref()).isNotBlank();
    }

    @Test
    void the_inbox_speaks_english() {
        useLanguage(Languages.ENGLISH);
        InboxView view = open();

        assertThat(view.form.getLabel()).isEqualTo("Form");
        assertThat(view.resultCount.getText()).isEqualTo("3 submissions found");
        _get(view.statusCounts, Button.class, spec -> spec.withText("Received: 3"));
    }

    @Test
    void an_administrator_opens_the_inbox_and_sees_every_form() {
        login(user("admin"), Role.ADMIN);
        InboxView view = open();

        assertThat(view.form.getListDataView().getItems().map(FormSummary::key).toList())
                .contains(form, otherForm, foreignForm);
    }

    private InboxView open() {
        UI.getCurrent().navigate("backoffice");
        return _get(InboxView.class);
    }

    private static FormSummary summary(InboxView view, String key) {
        return view.form.getListDataView().getItems().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    private static List<String> rows(InboxView view) {
        return IntStream.range(0, _size(view.grid)).mapToObj(i -> _get(view.grid, i)).map(InboxRow::reference).toList();
    }
}
