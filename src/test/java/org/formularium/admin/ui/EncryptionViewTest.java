package org.formularium.admin.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import org.formularium.security.Role;
import org.formularium.shared.crypto.KeyRotationService;
import org.formularium.support.AbstractKaribuTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class EncryptionViewTest extends AbstractKaribuTest {

    @Test
    void admin_sees_the_values_per_master_key_and_can_start_the_rewrap() {
        login("admin", Role.ADMIN);

        UI.getCurrent().navigate("admin/encryption");

        EncryptionView view = _get(EncryptionView.class);
        assertThat(_get(H1.class).getText()).isEqualTo("Verschlüsselungsschlüssel");
        assertThat(view.current.getText()).endsWith(": test");
        List<KeyRotationService.KeyUsage> rows = new ArrayList<>();
        for (int i = 0; i < _size(view.keys); i++) {
            rows.add(GridKt._get(view.keys, i));
        }
        assertThat(rows).extracting(KeyRotationService.KeyUsage::keyId).startsWith("test").contains("test-rotated");
        assertThat(rows.get(0).current()).isTrue();

        _click(view.rewrap);

        assertThat(_find(Notification.class)).isNotEmpty();
    }

    @Test
    void the_admin_page_links_to_the_encryption_keys() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin");

        assertThat(_get(AdminView.class).getElement().getOuterHTML()).contains("href=\"admin/encryption\"");
    }
}
