package org.formularium.admin.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import org.formularium.backoffice.BackofficeTestBase;
import org.formularium.backoffice.ClerkGroupSummary;
import org.formularium.security.Role;
import org.formularium.security.UserService;
import org.formularium.shared.ui.AccessDeniedView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Set;
import java.util.function.Predicate;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class ResponsibilitiesViewTest extends BackofficeTestBase {

    @Autowired
    UserService users;

    private static <T> int row(Grid<T> grid, Predicate<T> match) {
        for (int i = 0; i < _size(grid); i++) {
            if (match.test(GridKt._get(grid, i))) {
                return i;
            }
        }
        throw new AssertionError("row not found");
    }

    @Test
    @SuppressWarnings("unchecked")
    void admin_assigns_a_clerk_and_a_group_to_a_form() {
        String anna = user("anna");
        String ben = user("ben");
        users.create(anna, "Anna Amt", null, Set.of(Role.CLERK), "Blauer Kranich singt leise");
        users.create(ben, "Ben Amt", null, Set.of(Role.CLERK), "Blauer Kranich singt leise");
        String form = contactFormFor();
        String group = user("Bürgerbüro");
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/responsibilities");
        ResponsibilitiesView view = _get(ResponsibilitiesView.class);

        // a clerk directly
        Button edit = (Button) GridKt._getCellComponent(view.formGrid, row(view.formGrid, f -> f.key().equals(form)), "actions");
        assertThat(edit.getElement().getAttribute("aria-label")).startsWith("Zuständigkeit für Formular ");
        _click(edit);
        assertThat(view.dialog.getElement().getAttribute("aria-label")).startsWith("Zuständigkeit für Formular ");
        MultiSelectComboBox<String> people = _get(MultiSelectComboBox.class, spec -> spec.withLabel("Zuständige Personen"));
        _setValue(people, Set.of(anna));
        _click(_get(view.dialog, Button.class, spec -> spec.withText("Speichern")));
        assertThat(responsibilities.usersOf(form)).containsExactly(anna);

        // a group with a member
        _setValue(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withLabel("Name der neuen Gruppe")), group);
        _click(view.createGroup);
        int groupRow = row(view.groupGrid, g -> g.name().equals(group));
        Button members = (Button) GridKt._getCellComponent(view.groupGrid, groupRow, "actions");
        assertThat(members.getElement().getAttribute("aria-label")).isEqualTo("Mitglieder der Gruppe " + group + " bearbeiten");
        _click(members);
        MultiSelectComboBox<String> memberBox = _get(MultiSelectComboBox.class, spec -> spec.withLabel("Mitglieder"));
        _setValue(memberBox, Set.of(ben));
        _click(_get(view.dialog, Button.class, spec -> spec.withText("Speichern")));
        assertThat(responsibilities.groups()).filteredOn(g -> g.name().equals(group))
                .singleElement().extracting(ClerkGroupSummary::members).asList().containsExactly(ben);

        edit = (Button) GridKt._getCellComponent(view.formGrid, row(view.formGrid, f -> f.key().equals(form)), "actions");
        _click(edit);
        MultiSelectComboBox<ClerkGroupSummary> groups = _get(MultiSelectComboBox.class, spec -> spec.withLabel("Zuständige Gruppen"));
        ClerkGroupSummary summary = groups.getListDataView().getItems().filter(g -> g.name().equals(group)).findFirst().orElseThrow();
        _setValue(groups, Set.of(summary));
        _setValue(_get(MultiSelectComboBox.class, spec -> spec.withLabel("Zuständige Personen")), Set.of());
        _click(_get(view.dialog, Button.class, spec -> spec.withText("Speichern")));

        assertThat(responsibilities.usersOf(form)).containsExactly(ben);
        assertThat(responsibilities.formsOf(ben)).contains(form);
        assertThat(responsibilities.formsOf(anna)).doesNotContain(form);
    }

    @Test
    void a_clerk_cannot_change_responsibilities() {
        login("clerk", Role.CLERK);
        UI.getCurrent().navigate("admin/responsibilities");
        assertThat(_find(ResponsibilitiesView.class)).isEmpty();
        _get(AccessDeniedView.class);
    }
}
