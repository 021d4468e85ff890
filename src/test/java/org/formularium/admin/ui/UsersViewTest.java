package org.formularium.admin.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.formularium.security.Role;
import org.formularium.security.UserAccount;
import org.formularium.security.UserService;
import org.formularium.security.ui.PasswordView;
import org.formularium.shared.ui.AccessDeniedView;
import org.formularium.backoffice.BackofficeTestBase;
import org.formularium.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Optional;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class UsersViewTest extends BackofficeTestBase {

    static final String GOOD_PASSWORD = "Blauer Kranich singt leise";

    @Autowired
    UserService users;
    @Autowired
    PasswordEncoder encoder;

    private static String fresh(String prefix) {
        return TestData.uniqueKey(prefix);
    }

    private UsersView openAsAdmin() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/users");
        return _get(UsersView.class);
    }

    private int rowOf(UsersView view, String username) {
        for (int i = 0; i < _size(view.grid); i++) {
            if (GridKt._get(view.grid, i).username().equals(username)) {
                return i;
            }
        }
        throw new AssertionError("row of " + username + " not found");
    }

    private Optional<Button> rowButton(UsersView view, String username, String ariaLabel) {
        HorizontalLayout actions = (HorizontalLayout) GridKt._getCellComponent(view.grid, rowOf(view, username), "actions");
        return actions.getChildren().filter(c -> c instanceof Button)
                .map(Button.class::cast)
                .filter(b -> ariaLabel.equals(b.getElement().getAttribute("aria-label"))).findFirst();
    }

    private Button dialogButton(String text) {
        return _get(Button.class, spec -> spec.withText(text));
    }

    @Test
    void admin_creates_a_user_who_must_change_the_temporary_password() {
        String name = fresh("anna");
        UsersView view = openAsAdmin();

        _click(view.create);
        assertThat(view.dialog.getElement().getAttribute("aria-label")).isEqualTo("Neuer Benutzer");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Benutzername")), name);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Anna Amt");
        _setValue(_get(EmailField.class, spec -> spec.withLabel("E-Mail")), "anna@example.org");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = _get(CheckboxGroup.class, spec -> spec.withLabel("Rollen"));
        roles.setValue(Set.of(Role.CLERK));
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Vorläufiges Passwort")), GOOD_PASSWORD);
        _click(dialogButton("Speichern"));

        UserAccount created = users.findByUsername(name).orElseThrow();
        assertThat(created.displayName()).isEqualTo("Anna Amt");
        assertThat(created.email()).isEqualTo("anna@example.org");
        assertThat(created.roles()).containsExactly(Role.CLERK);
        assertThat(created.mustChangePassword()).isTrue();
        assertThat(rowButton(view, name, "Benutzer " + name + " deaktivieren")).isPresent();
        assertThat(rowButton(view, name, "Benutzer " + name + " löschen")).isPresent();
    }

    @Test
    void short_and_common_passwords_are_refused_with_a_message() {
        String name = fresh("bert");
        UsersView view = openAsAdmin();
        _click(view.create);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Benutzername")), name);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Bert Amt");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = _get(CheckboxGroup.class, spec -> spec.withLabel("Rollen"));
        roles.setValue(Set.of(Role.CLERK));
        PasswordField password = _get(PasswordField.class, spec -> spec.withLabel("Vorläufiges Passwort"));

        _setValue(password, "kurz123");
        _click(dialogButton("Speichern"));
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).isEqualTo("Das Passwort muss mindestens 12 Zeichen lang sein.");

        _setValue(password, "Passwort1234!");
        _click(dialogButton("Speichern"));
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("zu verbreitet");

        _setValue(password, "qwertzuiopü");
        _click(dialogButton("Speichern"));
        assertThat(password.isInvalid()).isTrue();
        assertThat(users.findByUsername(name)).isEmpty();
    }

    @Test
    void admin_edits_deactivates_and_reactivates_a_user() {
        String name = fresh("carl");
        users.create(name, "Carl Amt", null, Set.of(Role.CLERK), GOOD_PASSWORD);
        UsersView view = openAsAdmin();

        _click(rowButton(view, name, "Benutzer " + name + " bearbeiten").orElseThrow());
        assertThat(view.dialog.getElement().getAttribute("aria-label")).isEqualTo("Benutzer " + name + " bearbeiten");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Carl Neu");
        _setValue(_get(EmailField.class, spec -> spec.withLabel("E-Mail")), "carl@example.org");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = _get(CheckboxGroup.class, spec -> spec.withLabel("Rollen"));
        roles.setValue(Set.of(Role.CLERK, Role.DESIGNER));
        _click(dialogButton("Speichern"));
        UserAccount edited = users.findByUsername(name).orElseThrow();
        assertThat(edited.displayName()).isEqualTo("Carl Neu");
        assertThat(edited.email()).isEqualTo("carl@example.org");
        assertThat(edited.roles()).containsExactlyInAnyOrder(Role.CLERK, Role.DESIGNER);

        _click(rowButton(view, name, "Benutzer " + name + " deaktivieren").orElseThrow());
        assertThat(users.findByUsername(name).orElseThrow().enabled()).isFalse();
        assertThat(users.loadUserByUsername(name).isEnabled()).isFalse();

        _click(rowButton(view, name, "Benutzer " + name + " reaktivieren").orElseThrow());
        assertThat(users.findByUsername(name).orElseThrow().enabled()).isTrue();
    }

    @Test
    void a_user_who_made_review_decisions_can_only_be_deactivated() {
        String name = fresh("dora");
        users.create(name, "Dora Amt", null, Set.of(Role.CLERK), GOOD_PASSWORD);
        String reference = submit(contactFormFor(name), "Bürgerin").reference();
        Long submission = jdbc.queryForObject("select id from submission where reference = ?", Long.class, reference);
        jdbc.update("delete from responsibility where username = ?", name);
        jdbc.update("insert into submission_event(submission_id, kind, actor, at, from_status, to_status)"
                + " values (?, 'STATUS', ?, now(), 'RECEIVED', 'IN_REVIEW')", submission, name);
        UsersView view = openAsAdmin();

        assertThat(rowButton(view, name, "Benutzer " + name + " löschen")).isEmpty();
        assertThat(rowButton(view, name, "Benutzer " + name + " deaktivieren")).isPresent();
        UserAccount dora = users.findByUsername(name).orElseThrow();
        view.delete(dora);
        assertThat(users.findByUsername(name)).isPresent();
    }

    @Test
    void an_unreferenced_user_can_be_deleted() {
        String name = fresh("emil");
        users.create(name, "Emil Amt", null, Set.of(Role.DESIGNER), GOOD_PASSWORD);
        UsersView view = openAsAdmin();

        _click(rowButton(view, name, "Benutzer " + name + " löschen").orElseThrow());
        assertThat(view.dialog.getElement().getAttribute("aria-label")).isEqualTo("Benutzer " + name + " löschen");
        _click(_get(view.dialog, Button.class, spec -> spec.withText("Löschen")));
        assertThat(users.findByUsername(name)).isEmpty();
    }

    @Test
    void reset_password_forces_a_new_password_at_the_next_login() {
        String name = fresh("fritz");
        users.create(name, "Fritz Amt", null, Set.of(Role.CLERK), GOOD_PASSWORD);
        jdbc.update("update app_user set must_change_password = false where username = ?", name);
        UsersView view = openAsAdmin();

        _click(rowButton(view, name, "Passwort von Benutzer " + name + " zurücksetzen").orElseThrow());
        PasswordField temporary = _get(PasswordField.class, spec -> spec.withLabel("Vorläufiges Passwort"));
        _setValue(temporary, "123456");
        _click(dialogButton("Passwort setzen"));
        assertThat(temporary.getErrorMessage()).isEqualTo("Das Passwort muss mindestens 12 Zeichen lang sein.");
        _setValue(temporary, "Grüne Tanne am Fluss");
        _click(dialogButton("Passwort setzen"));
        assertThat(users.findByUsername(name).orElseThrow().mustChangePassword()).isTrue();

        logout();
        login(name, Role.CLERK);
        UI.getCurrent().navigate("backoffice");
        _get(PasswordView.class);
        PasswordField current = _get(PasswordField.class, spec -> spec.withLabel("Bisheriges Passwort"));
        PasswordField fresh = _get(PasswordField.class, spec -> spec.withLabel("Neues Passwort"));
        PasswordField repeat = _get(PasswordField.class, spec -> spec.withLabel("Neues Passwort wiederholen"));
        Button save = _get(Button.class, spec -> spec.withText("Passwort ändern"));
        _setValue(current, "Grüne Tanne am Fluss");
        _setValue(fresh, "password12345");
        _setValue(repeat, "password12345");
        _click(save);
        assertThat(fresh.isInvalid()).isTrue();
        assertThat(fresh.getErrorMessage()).contains("zu verbreitet");

        _setValue(fresh, "Mein eigenes langes Kennwort");
        _setValue(repeat, "Mein eigenes langes Kennwort");
        _click(save);
        assertThat(users.findByUsername(name).orElseThrow().mustChangePassword()).isFalse();
        String hash = jdbc.queryForObject("select password_hash from app_user where username = ?", String.class, name);
        assertThat(encoder.matches("Mein eigenes langes Kennwort", hash)).isTrue();

        UI.getCurrent().navigate("backoffice");
        assertThat(_find(PasswordView.class)).isEmpty();
    }

    @Test
    void in_english_the_labels_and_the_password_error_are_english() {
        login("admin", Role.ADMIN);
        useLanguage(org.formularium.shared.i18n.Languages.ENGLISH);
        UI.getCurrent().navigate("admin/users");
        UsersView view = _get(UsersView.class);
        _click(view.create);
        assertThat(view.dialog.getElement().getAttribute("aria-label")).isEqualTo("New user");
        _setValue(_get(TextField.class, spec -> spec.withLabel("User name")), fresh("gina"));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Gina");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = _get(CheckboxGroup.class, spec -> spec.withLabel("Roles"));
        roles.setValue(Set.of(Role.DESIGNER));
        PasswordField password = _get(PasswordField.class, spec -> spec.withLabel("Temporary password"));
        _setValue(password, "iloveyou2024");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(password.getErrorMessage()).isEqualTo("This password is too common and easy to guess. Choose another one.");
    }

    @Test
    void a_clerk_cannot_open_the_user_administration() {
        login("clerk", Role.CLERK);

        UI.getCurrent().navigate("admin/users");

        assertThat(_find(UsersView.class)).isEmpty();
        _get(AccessDeniedView.class);
    }

    @Test
    void the_administration_links_to_the_users() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin");
        _get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withText("Benutzer"));
    }
}
