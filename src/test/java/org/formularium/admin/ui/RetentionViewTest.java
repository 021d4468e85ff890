package org.formularium.admin.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.store.FormService;
import org.formularium.privacy.RetentionService;
import org.formularium.security.Role;
import org.formularium.shared.ui.AccessDeniedView;
import org.formularium.submission.Channel;
import org.formularium.submission.SubmissionService;
import org.formularium.submission.SubmitCommand;
import org.formularium.support.AbstractKaribuTest;
import org.formularium.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class RetentionViewTest extends AbstractKaribuTest {

    @Autowired
    FormService forms;
    @Autowired
    SubmissionService submissions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void admin_sees_the_dry_run_and_runs_the_deletion_after_confirming() {
        String form = TestData.uniqueKey("aufbewahrung");
        var definition = (com.fasterxml.jackson.databind.node.ObjectNode) TestData.contactForm(form, false);
        definition.putObject("privacy").put("retentionDays", 30).putObject("notice").put("de", "Hinweis").put("en", "Notice");
        forms.create(definition, "test", true);
        String reference = submissions.submit(new SubmitCommand(form, null,
                DefinitionJson.mapper().createObjectNode().put("name", "Alte Akte"), Locale.GERMAN,
                "ret-ui-" + UUID.randomUUID(), Channel.RUNTIME, null, null)).reference();
        jdbc.update("update submission set status = 'CLOSED', status_changed_at = ? where reference = ?",
                OffsetDateTime.now().minusDays(45), reference);
        login("admin", Role.ADMIN);

        UI.getCurrent().navigate("admin/retention");
        RetentionView view = _get(RetentionView.class);

        int row = IntStream.range(0, _size(view.report)).filter(i -> GridKt._get(view.report, i).formKey().equals(form))
                .findFirst().orElseThrow();
        RetentionService.FormDue due = GridKt._get(view.report, row);
        assertThat(due.submissions()).isEqualTo(1);
        assertThat(due.retentionDays()).isEqualTo(30);
        assertThat(view.totals.getText()).startsWith("Jetzt fällig:");

        _click(_get(Button.class, spec -> spec.withText("Löschung jetzt ausführen")));
        assertThat(view.dialog.isOpened()).isTrue();
        assertThat(view.dialog.getElement().getAttribute("aria-label")).isEqualTo("Löschung jetzt ausführen?");
        assertThat(submissions.find(reference).orElseThrow().deleted()).as("nothing before confirming").isFalse();
        _click(_get(view.dialog, Button.class, spec -> spec.withText("Endgültig löschen")));

        assertThat(view.dialog.isOpened()).isFalse();
        assertThat(submissions.find(reference).orElseThrow().deleted()).isTrue();
        assertThat(IntStream.range(0, _size(view.report)).mapToObj(i -> GridKt._get(view.report, i).formKey()))
                .doesNotContain(form);
        assertThat(view.lastRun.getText()).contains("von Hand", "admin");
    }

    @Test
    void cancelling_the_confirmation_deletes_nothing() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/retention");
        RetentionView view = _get(RetentionView.class);
        String before = view.lastRun.getText();

        _click(view.runNow);
        _click(_get(view.dialog, Button.class, spec -> spec.withText("Abbrechen")));

        assertThat(view.dialog.isOpened()).isFalse();
        assertThat(view.lastRun.getText()).isEqualTo(before);
    }

    @Test
    void a_clerk_cannot_open_the_retention_page() {
        login("clerk", Role.CLERK);
        UI.getCurrent().navigate("admin/retention");
        assertThat(_find(RetentionView.class)).isEmpty();
        _get(AccessDeniedView.class);
    }
}
