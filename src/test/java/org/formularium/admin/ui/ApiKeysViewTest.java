package org.formularium.admin.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.TextField;
import org.formularium.api.keys.ApiKey;
import org.formularium.api.keys.ApiKeyService;
import org.formularium.api.keys.ApiScope;
import org.formularium.security.Role;
import org.formularium.shared.ui.AccessDeniedView;
import org.formularium.support.AbstractKaribuTest;
import org.formularium.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysViewTest extends AbstractKaribuTest {

    @Autowired
    ApiKeyService keys;

    @Test
    void admin_creates_a_key_sees_it_once_and_a_revoked_key_is_refused_at_once() {
        String name = TestData.uniqueKey("fachverfahren");
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/api-keys");
        ApiKeysView view = _get(ApiKeysView.class);

        _click(view.create);
        assertThat(view.dialog.getElement().getAttribute("aria-label")).isEqualTo("Neuer API-Schlüssel");
        Button save = _get(Button.class, spec -> spec.withText("Schlüssel erzeugen"));
        _click(save);
        TextField nameField = _get(TextField.class, spec -> spec.withLabel("Bezeichnung"));
        @SuppressWarnings("unchecked")
        CheckboxGroup<ApiScope> scopes = _get(CheckboxGroup.class, spec -> spec.withLabel("Berechtigungen"));
        assertThat(nameField.isInvalid()).isTrue();
        assertThat(scopes.getErrorMessage()).isEqualTo("Bitte wählen Sie mindestens eine Berechtigung.");

        _setValue(nameField, name);
        scopes.setValue(Set.of(ApiScope.SUBMISSIONS_READ, ApiScope.FORMS_READ));
        _setValue(_get(DatePicker.class, spec -> spec.withLabel("Läuft ab am (optional)")), LocalDate.now().plusDays(30));
        _click(save);

        assertThat(view.dialog.getElement().getAttribute("aria-label")).isEqualTo("Neuer API-Schlüssel " + name);
        String plain = _get(TextField.class, spec -> spec.withLabel("API-Schlüssel")).getValue();
        assertThat(plain).startsWith(ApiKeyService.KEY_PREFIX);
        assertThat(view.dialog.getElement().getTextRecursively()).contains("nicht noch einmal angezeigt");
        assertThat(keys.authenticate(plain)).isPresent();
        ApiKey stored = keys.list().stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
        assertThat(stored.scopes()).containsExactlyInAnyOrder(ApiScope.SUBMISSIONS_READ, ApiScope.FORMS_READ);
        assertThat(stored.expiresAt()).isNotNull();
        _click(_get(Button.class, spec -> spec.withText("Ich habe den Schlüssel kopiert")));

        int row = -1;
        for (int i = 0; i < _size(view.grid); i++) {
            if (GridKt._get(view.grid, i).name().equals(name)) {
                row = i;
            }
        }
        assertThat(row).isNotNegative();
        Button revoke = (Button) GridKt._getCellComponent(view.grid, row, "actions");
        String label = "API-Schlüssel " + name + " (" + stored.keyPrefix() + "…) widerrufen";
        assertThat(revoke.getElement().getAttribute("aria-label")).isEqualTo(label);
        _click(revoke);
        assertThat(view.dialog.getElement().getAttribute("aria-label")).isEqualTo(label);
        _click(_get(view.dialog, Button.class, spec -> spec.withText("Widerrufen")));

        assertThat(keys.authenticate(plain)).isEmpty();
        assertThat(keys.find(stored.id()).orElseThrow().revoked()).isTrue();
    }

    @Test
    void a_clerk_cannot_manage_api_keys() {
        login("clerk", Role.CLERK);
        UI.getCurrent().navigate("admin/api-keys");
        assertThat(_find(ApiKeysView.class)).isEmpty();
        _get(AccessDeniedView.class);
    }
}
