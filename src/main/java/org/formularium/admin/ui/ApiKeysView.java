package org.formularium.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.formularium.api.keys.ApiKey;
import org.formularium.api.keys.ApiKeyService;
import org.formularium.api.keys.ApiScope;
import org.formularium.api.keys.CreatedApiKey;
import org.formularium.security.Role;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Collectors;

/** API keys of downstream systems: list, create (the plain key is shown once), revoke. */
@Route(value = "admin/api-keys", layout = MainLayout.class)
@RolesAllowed(Role.ADMIN_NAME)
public class ApiKeysView extends ViewSupport {

    private final transient ApiKeyService keys;
    private final String me;
    final Grid<ApiKey> grid = new Grid<>();
    final Button create = new Button();
    Dialog dialog;

    public ApiKeysView(ApiKeyService keys, AuthenticationContext authentication) {
        this.keys = keys;
        this.me = authentication.getPrincipalName().orElse("admin");
        add(new Anchor("admin", getTranslation("admin.back")), heading(),
                new Paragraph(getTranslation("admin.apiKeys.intro")));
        create.setText(getTranslation("admin.apiKeys.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openCreate());
        configureGrid();
        add(create, grid);
        refresh();
    }

    private void configureGrid() {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        grid.addColumn(ApiKey::name).setHeader(getTranslation("admin.apiKeys.name")).setAutoWidth(true);
        grid.addColumn(k -> k.keyPrefix() + "…").setHeader(getTranslation("admin.apiKeys.prefix"));
        grid.addColumn(k -> k.scopes().stream().map(ApiScope::value).sorted().collect(Collectors.joining(", ")))
                .setHeader(getTranslation("admin.apiKeys.scopes"));
        grid.addColumn(k -> k.createdAt().format(format) + " (" + k.createdBy() + ")")
                .setHeader(getTranslation("admin.apiKeys.created"));
        grid.addColumn(k -> k.expiresAt() == null ? getTranslation("admin.apiKeys.never") : k.expiresAt().format(format))
                .setHeader(getTranslation("admin.apiKeys.expires"));
        grid.addColumn(k -> k.revokedAt() == null ? "–" : k.revokedAt().format(format))
                .setHeader(getTranslation("admin.apiKeys.revoked"));
        grid.addColumn(k -> k.lastUsedAt() == null ? "–" : k.lastUsedAt().format(format))
                .setHeader(getTranslation("admin.apiKeys.lastUsed"));
        grid.addComponentColumn(this::action).setHeader(getTranslation("admin.apiKeys.actions")).setKey("actions");
        grid.setAllRowsVisible(true);
        grid.getElement().setAttribute("aria-label", getTranslation("admin.apiKeys.title"));
    }

    private com.vaadin.flow.component.Component action(ApiKey key) {
        if (key.revoked()) {
            return new com.vaadin.flow.component.html.Span();
        }
        Button revoke = new Button(getTranslation("admin.apiKeys.revoke"), e -> confirmRevoke(key));
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        revoke.getElement().setAttribute("aria-label", getTranslation("admin.apiKeys.revoke.named", key.name(), key.keyPrefix()));
        return revoke;
    }

    void refresh() {
        grid.setItems(keys.list());
    }

    private Dialog dialog(String label) {
        Dialog d = new Dialog();
        d.setHeaderTitle(label);
        d.getElement().setAttribute("aria-label", label);
        dialog = d;
        return d;
    }

    void openCreate() {
        Dialog d = dialog(getTranslation("admin.apiKeys.create"));
        TextField name = new TextField(getTranslation("admin.apiKeys.name"));
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(ApiKeyService.NAME_MAX_LENGTH);
        CheckboxGroup<ApiScope> scopes = new CheckboxGroup<>(getTranslation("admin.apiKeys.scopes"));
        scopes.setItems(ApiScope.values());
        scopes.setItemLabelGenerator(ApiScope::value);
        scopes.setRequiredIndicatorVisible(true);
        DatePicker expires = new DatePicker(getTranslation("admin.apiKeys.expiresOptional"));
        expires.setLocale(getLocale());
        expires.setMin(LocalDate.now().plusDays(1));
        expires.setHelperText(getTranslation("admin.apiKeys.expires.help"));
        Button save = new Button(getTranslation("admin.apiKeys.create.save"), e -> {
            name.setInvalid(false);
            scopes.setInvalid(false);
            expires.setInvalid(false);
            boolean ok = true;
            if (name.getValue().isBlank()) {
                name.setErrorMessage(getTranslation("admin.apiKeys.error.name"));
                name.setInvalid(true);
                ok = false;
            }
            if (scopes.getValue().isEmpty()) {
                scopes.setErrorMessage(getTranslation("admin.apiKeys.error.scopes"));
                scopes.setInvalid(true);
                ok = false;
            }
            if (expires.getValue() != null && !expires.getValue().isAfter(LocalDate.now())) {
                expires.setErrorMessage(getTranslation("admin.apiKeys.error.expires"));
                expires.setInvalid(true);
                ok = false;
            }
            if (!ok) {
                return;
            }
            OffsetDateTime expiresAt = expires.getValue() == null ? null
                    : expires.getValue().atTime(LocalTime.MAX).atZone(ZoneId.systemDefault()).toOffsetDateTime();
            CreatedApiKey created;
            try {
                created = keys.create(name.getValue(), scopes.getValue(), expiresAt, me);
            } catch (IllegalArgumentException ex) {
                name.setErrorMessage(getTranslation("admin.apiKeys.error.name"));
                name.setInvalid(true);
                return;
            }
            d.close();
            refresh();
            showOnce(created);
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(name, scopes, expires);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        d.add(form);
        d.getFooter().add(new Button(getTranslation("admin.cancel"), e -> d.close()), save);
        d.open();
    }

    private void showOnce(CreatedApiKey created) {
        Dialog d = dialog(getTranslation("admin.apiKeys.shown.title", created.key().name()));
        d.setCloseOnOutsideClick(false);
        TextField plain = new TextField(getTranslation("admin.apiKeys.shown.key"));
        plain.setValue(created.plainKey());
        plain.setReadOnly(true);
        plain.setWidthFull();
        plain.getElement().setAttribute("autocomplete", "off");
        Paragraph hint = new Paragraph(getTranslation("admin.apiKeys.shown.hint"));
        hint.getElement().setAttribute("role", "alert");
        d.add(hint, plain);
        Button done = new Button(getTranslation("admin.apiKeys.shown.done"), e -> d.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(done);
        d.open();
        plain.focus();
    }

    void confirmRevoke(ApiKey key) {
        String label = getTranslation("admin.apiKeys.revoke.named", key.name(), key.keyPrefix());
        Dialog d = dialog(label);
        Button revoke = new Button(getTranslation("admin.apiKeys.revoke"), e -> {
            d.close();
            boolean done = keys.revoke(key.id());
            Notification.show(getTranslation(done ? "admin.apiKeys.revoked.done" : "admin.apiKeys.revoked.already", key.name()));
            refresh();
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        revoke.getElement().setAttribute("aria-label", label);
        d.add(new Paragraph(getTranslation("admin.apiKeys.revoke.confirm", key.name())));
        d.getFooter().add(new Button(getTranslation("admin.cancel"), e -> d.close()), revoke);
        d.open();
    }

    @Override
    protected String titleKey() {
        return "admin.apiKeys.title";
    }
}
