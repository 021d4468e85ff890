package org.formularium.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.formularium.security.AccountRejectedException;
import org.formularium.security.PasswordPolicy;
import org.formularium.security.Role;
import org.formularium.security.UserAccount;
import org.formularium.security.UserService;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Administration of staff accounts: list, create, edit, deactivate, reset password, delete unreferenced. */
@Route(value = "admin/users", layout = MainLayout.class)
@RolesAllowed(Role.ADMIN_NAME)
public class UsersView extends ViewSupport {

    private final transient UserService users;
    private final String me;
    final Grid<UserAccount> grid = new Grid<>();
    final Button create = new Button();
    Dialog dialog;
    private Set<String> referenced = Set.of();

    public UsersView(UserService users, AuthenticationContext authentication) {
        this.users = users;
        this.me = authentication.getPrincipalName().orElse("");
        add(new Anchor("admin", getTranslation("admin.back")), heading(),
                new Paragraph(getTranslation("admin.users.intro", PasswordPolicy.MIN_LENGTH)));
        create.setText(getTranslation("admin.users.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openCreate());
        configureGrid();
        add(create, grid);
        refresh();
    }

    private void configureGrid() {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        grid.addColumn(UserAccount::username).setHeader(getTranslation("admin.users.username")).setAutoWidth(true);
        grid.addColumn(UserAccount::displayName).setHeader(getTranslation("admin.users.name")).setAutoWidth(true);
        grid.addColumn(u -> u.email() == null ? "–" : u.email()).setHeader(getTranslation("admin.users.email"));
        grid.addColumn(u -> roles(u.roles())).setHeader(getTranslation("admin.users.roles"));
        grid.addColumn(u -> getTranslation(u.enabled() ? "admin.users.enabled.yes" : "admin.users.enabled.no"))
                .setHeader(getTranslation("admin.users.enabled"));
        grid.addColumn(u -> u.lastLoginAt() == null ? "–" : u.lastLoginAt().format(format))
                .setHeader(getTranslation("admin.users.lastLogin"));
        grid.addComponentColumn(this::actions).setHeader(getTranslation("admin.users.actions")).setKey("actions")
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.getElement().setAttribute("aria-label", getTranslation("admin.users.title"));
    }

    private HorizontalLayout actions(UserAccount user) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.add(button("admin.users.edit", "admin.users.edit.named", user, () -> openEdit(user)));
        actions.add(button("admin.users.reset", "admin.users.reset.named", user, () -> openReset(user)));
        if (user.enabled()) {
            actions.add(button("admin.users.deactivate", "admin.users.deactivate.named", user, () -> setEnabled(user, false)));
        } else {
            actions.add(button("admin.users.reactivate", "admin.users.reactivate.named", user, () -> setEnabled(user, true)));
        }
        if (!referenced.contains(user.username()) && !user.username().equals(me)) {
            Button delete = button("admin.users.delete", "admin.users.delete.named", user, () -> confirmDelete(user));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(delete);
        }
        return actions;
    }

    private Button button(String textKey, String labelKey, UserAccount user, Runnable action) {
        Button button = new Button(getTranslation(textKey), e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.getElement().setAttribute("aria-label", getTranslation(labelKey, user.username()));
        return button;
    }

    private String roles(Set<Role> roles) {
        return roles.stream().sorted().map(this::roleLabel)
                .collect(Collectors.joining(", "));
    }

    private String roleLabel(Role role) {
        String key = "admin.role." + role.name();
        return getTranslation(key);
    }

    void refresh() {
        referenced = users.referencedUsernames();
        grid.setItems(users.list());
    }

    private CheckboxGroup<Role> roleBox() {
        CheckboxGroup<Role> box = new CheckboxGroup<>(getTranslation("admin.users.roles"));
        box.setItems(Role.values());
        box.setItemLabelGenerator(this::roleLabel);
        box.setRequiredIndicatorVisible(true);
        return box;
    }

    private Dialog dialog(String labelKey, Object... params) {
        Dialog d = new Dialog();
        String label = getTranslation(labelKey, params);
        d.setHeaderTitle(label);
        d.getElement().setAttribute("aria-label", label);
        dialog = d;
        return d;
    }

    void openCreate() {
        Dialog d = dialog("admin.users.create");
        TextField username = new TextField(getTranslation("admin.users.username"));
        TextField name = new TextField(getTranslation("admin.users.name"));
        EmailField email = new EmailField(getTranslation("admin.users.email"));
        CheckboxGroup<Role> roles = roleBox();
        PasswordField password = new PasswordField(getTranslation("admin.users.temporaryPassword"));
        password.setHelperText(getTranslation("password.new.help", PasswordPolicy.MIN_LENGTH));
        username.setRequiredIndicatorVisible(true);
        name.setRequiredIndicatorVisible(true);
        password.setRequiredIndicatorVisible(true);
        Button save = new Button(getTranslation("admin.users.save"), e -> {
            clear(username, name, email, password);
            roles.setInvalid(false);
            try {
                users.create(username.getValue(), name.getValue(), email.getValue(), roles.getValue(), password.getValue());
            } catch (AccountRejectedException ex) {
                String message = getTranslation(ex.reason().messageKey(), PasswordPolicy.MIN_LENGTH);
                switch (ex.reason()) {
                    case USERNAME_INVALID, USERNAME_TAKEN -> invalid(username, message);
                    case NAME_REQUIRED -> invalid(name, message);
                    case EMAIL_INVALID -> invalid(email, message);
                    case ROLE_REQUIRED -> {
                        roles.setErrorMessage(message);
                        roles.setInvalid(true);
                    }
                    default -> invalid(password, message);
                }
                return;
            }
            d.close();
            Notification.show(getTranslation("admin.users.created", username.getValue().strip()));
            refresh();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(username, name, email, roles, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        d.add(form);
        d.getFooter().add(new Button(getTranslation("admin.cancel"), e -> d.close()), save);
        d.open();
    }

    void openEdit(UserAccount user) {
        Dialog d = dialog("admin.users.edit.named", user.username());
        TextField name = new TextField(getTranslation("admin.users.name"));
        name.setValue(user.displayName());
        name.setRequiredIndicatorVisible(true);
        EmailField email = new EmailField(getTranslation("admin.users.email"));
        email.setValue(user.email() == null ? "" : user.email());
        CheckboxGroup<Role> roles = roleBox();
        roles.setValue(user.roles().isEmpty() ? Set.of() : EnumSet.copyOf(user.roles()));
        Button save = new Button(getTranslation("admin.users.save"), e -> {
            clear(name, email);
            roles.setInvalid(false);
            try {
                users.update(user.username(), name.getValue(), email.getValue(), roles.getValue());
            } catch (AccountRejectedException ex) {
                String message = getTranslation(ex.reason().messageKey());
                switch (ex.reason()) {
                    case NAME_REQUIRED -> invalid(name, message);
                    case EMAIL_INVALID -> invalid(email, message);
                    default -> {
                        roles.setErrorMessage(message);
                        roles.setInvalid(true);
                    }
                }
                return;
            }
            d.close();
            Notification.show(getTranslation("admin.users.saved", user.username()));
            refresh();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(name, email, roles);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        d.add(form);
        d.getFooter().add(new Button(getTranslation("admin.cancel"), e -> d.close()), save);
        d.open();
    }

    void openReset(UserAccount user) {
        Dialog d = dialog("admin.users.reset.named", user.username());
        PasswordField password = new PasswordField(getTranslation("admin.users.temporaryPassword"));
        password.setHelperText(getTranslation("password.new.help", PasswordPolicy.MIN_LENGTH));
        password.setRequiredIndicatorVisible(true);
        Button save = new Button(getTranslation("admin.users.reset.save"), e -> {
            password.setInvalid(false);
            try {
                users.resetPassword(user.username(), password.getValue());
            } catch (AccountRejectedException ex) {
                invalid(password, getTranslation(ex.reason().messageKey(), PasswordPolicy.MIN_LENGTH));
                return;
            }
            d.close();
            Notification.show(getTranslation("admin.users.reset.done", user.username()));
            refresh();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(new Paragraph(getTranslation("admin.users.reset.intro")), password);
        d.getFooter().add(new Button(getTranslation("admin.cancel"), e -> d.close()), save);
        d.open();
    }

    void setEnabled(UserAccount user, boolean enabled) {
        try {
            users.setEnabled(user.username(), enabled, me);
        } catch (AccountRejectedException ex) {
            Notification.show(getTranslation(ex.reason().messageKey()));
            return;
        }
        Notification.show(getTranslation(enabled ? "admin.users.reactivated" : "admin.users.deactivated", user.username()));
        refresh();
    }

    void confirmDelete(UserAccount user) {
        Dialog d = dialog("admin.users.delete.named", user.username());
        Button delete = new Button(getTranslation("admin.users.delete"), e -> {
            d.close();
            delete(user);
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        delete.getElement().setAttribute("aria-label", getTranslation("admin.users.delete.named", user.username()));
        d.add(new Paragraph(getTranslation("admin.users.delete.confirm", user.username())));
        d.getFooter().add(new Button(getTranslation("admin.cancel"), e -> d.close()), delete);
        d.open();
    }

    void delete(UserAccount user) {
        try {
            users.delete(user.username(), me);
        } catch (AccountRejectedException ex) {
            Notification.show(getTranslation(ex.reason().messageKey()));
            refresh();
            return;
        }
        Notification.show(getTranslation("admin.users.deleted", user.username()));
        refresh();
    }

    private static void clear(com.vaadin.flow.component.HasValidation... fields) {
        for (var field : fields) {
            field.setInvalid(false);
        }
    }

    private static void invalid(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    @Override
    protected String titleKey() {
        return "admin.users.title";
    }
}
