package org.formularium.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.formularium.security.Role;
import org.formularium.shared.crypto.KeyRotationService;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;

import java.util.stream.Collectors;

/**
 * Administration: encryption at rest. How many encrypted values sit under each master key, and the rewrap
 * that moves them to the current key after a rotation (see docs/operations.md, "Master key").
 */
@Route(value = "admin/encryption", layout = MainLayout.class)
@RolesAllowed(Role.ADMIN_NAME)
public class EncryptionView extends ViewSupport {

    private final transient KeyRotationService rotation;
    final Paragraph current = new Paragraph();
    final Grid<KeyRotationService.KeyUsage> keys = new Grid<>();
    final Button rewrap = new Button();
    final Button refresh = new Button();

    public EncryptionView(KeyRotationService rotation) {
        this.rotation = rotation;
        add(heading(), new Paragraph(getTranslation("admin.encryption.intro")), current);
        H2 usage = new H2(getTranslation("admin.encryption.keys"));
        usage.setId("encryption-keys-heading");
        keys.addColumn(KeyRotationService.KeyUsage::keyId).setHeader(getTranslation("admin.encryption.keyId")).setAutoWidth(true);
        keys.addColumn(this::state).setHeader(getTranslation("admin.encryption.state")).setAutoWidth(true);
        keys.addColumn(KeyRotationService.KeyUsage::values).setHeader(getTranslation("admin.encryption.values")).setAutoWidth(true);
        keys.addColumn(u -> u.byColumn().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "))).setHeader(getTranslation("admin.encryption.where")).setFlexGrow(3);
        keys.setAllRowsVisible(true);
        keys.getElement().setAttribute("aria-labelledby", "encryption-keys-heading");
        rewrap.setText(getTranslation("admin.encryption.rewrap"));
        rewrap.addClickListener(e -> rewrap());
        refresh.setText(getTranslation("admin.encryption.refresh"));
        refresh.addClickListener(e -> refresh());
        add(usage, keys, new Paragraph(getTranslation("admin.encryption.rewrap.intro")), new HorizontalLayout(rewrap, refresh));
        refresh();
    }

    private String state(KeyRotationService.KeyUsage usage) {
        return getTranslation(usage.current() ? "admin.encryption.state.current"
                : usage.configured() ? "admin.encryption.state.old" : "admin.encryption.state.missing");
    }

    void rewrap() {
        boolean started = rotation.startRewrap();
        Notification.show(getTranslation(started ? "admin.encryption.rewrap.started"
                : rotation.rewrapRunning() ? "admin.encryption.rewrap.running" : "admin.encryption.rewrap.nothing"));
    }

    void refresh() {
        current.setText(getTranslation("admin.encryption.current", rotation.currentKeyId()));
        keys.setItems(rotation.usage());
    }

    @Override
    protected String titleKey() {
        return "admin.encryption.title";
    }
}
