package org.formularium.admin.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import org.formularium.audit.AuditAction;
import org.formularium.audit.AuditActor;
import org.formularium.audit.AuditEntry;
import org.formularium.audit.AuditService;
import org.formularium.audit.AuditTarget;
import org.formularium.security.Role;
import org.formularium.shared.ui.AccessDeniedView;
import org.formularium.support.AbstractKaribuTest;
import org.formularium.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class AuditViewTest extends AbstractKaribuTest {

    @Autowired
    AuditService audit;

    @Test
    void an_admin_searches_the_log_and_sees_that_the_chain_is_intact() {
        String reference = TestData.uniqueKey("FM-AUDIT");
        audit.record(AuditActor.user("auditviewclerk"), AuditAction.VIEW, AuditTarget.SUBMISSION, reference, Map.of());
        audit.record(AuditActor.user("auditviewclerk"), AuditAction.EXPORT, AuditTarget.SUBMISSION, reference,
                Map.of("document", "pdf"));
        login("admin", Role.ADMIN);

        UI.getCurrent().navigate("admin/audit");
        AuditView view = _get(AuditView.class);

        assertThat(view.chainStatus.getText()).startsWith("Kette intakt");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Objekt (z. B. Aktenzeichen)")), reference);
        _click(_get(Button.class, spec -> spec.withText("Suchen")));
        assertThat(_size(view.entries)).isEqualTo(2);
        AuditEntry newest = GridKt._get(view.entries, 0);
        assertThat(newest.action()).isEqualTo(AuditAction.EXPORT);

        @SuppressWarnings("unchecked")
        ComboBox<AuditAction> action = _get(ComboBox.class, spec -> spec.withLabel("Aktion"));
        _setValue(action, AuditAction.VIEW);
        _click(view.search);
        assertThat(_size(view.entries)).isEqualTo(1);
        assertThat(GridKt._get(view.entries, 0).actor().name()).isEqualTo("auditviewclerk");
    }

    @Test
    void a_clerk_cannot_open_the_audit_log() {
        login("clerk", Role.CLERK);

        UI.getCurrent().navigate("admin/audit");

        assertThat(_find(AuditView.class)).isEmpty();
        _get(AccessDeniedView.class);
    }
}
