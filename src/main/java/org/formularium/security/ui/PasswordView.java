package org.formularium.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.formularium.security.AccountRejectedException;
import org.formularium.security.PasswordPolicy;
import org.formularium.security.UserService;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;

/** A staff member sets a new password (required after an administrator set a temporary one). */
@Route(value = "password", layout = MainLayout.class)
@PermitAll
public class PasswordView extends ViewSupport {

    private final transient UserService users;
    private final transient AuthenticationContext authentication;
    final PasswordField current = new PasswordField();
    final PasswordField fresh = new PasswordField();
    final PasswordField repeat = new PasswordField();
    final Button save = new Button();

    public PasswordView(UserService users, AuthenticationContext authentication) {
        this.users = users;
        this.authentication = authentication;
        String username = authentication.getPrincipalName().orElse("");
        add(heading());
        if (users.mustChangePassword(username)) {
            Paragraph required = new Paragraph(getTranslation("password.required"));
            required.getElement().setAttribute("role", "status");
            add(required);
        }
        add(new Paragraph(getTranslation("password.rules", PasswordPolicy.MIN_LENGTH)));
        current.setLabel(getTranslation("password.current"));
        fresh.setLabel(getTranslation("password.new"));
        fresh.setHelperText(getTranslation("password.new.help", PasswordPolicy.MIN_LENGTH));
        repeat.setLabel(getTranslation("password.repeat"));
        for (PasswordField field : new PasswordField[]{current, fresh, repeat}) {
            field.setRequiredIndicatorVisible(true);
            field.getElement().setAttribute("autocomplete", field == current ? "current-password" : "new-password");
        }
        save.setText(getTranslation("password.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        FormLayout form = new FormLayout(current, fresh, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form, save);
    }

    void save() {
        current.setInvalid(false);
        fresh.setInvalid(false);
        repeat.setInvalid(false);
        if (!fresh.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage(getTranslation("password.error.mismatch"));
            repeat.setInvalid(true);
            return;
        }
        String username = authentication.getPrincipalName().orElse("");
        try {
            users.changeOwnPassword(username, current.getValue(), fresh.getValue());
        } catch (AccountRejectedException e) {
            PasswordField field = e.reason() == AccountRejectedException.Reason.CURRENT_PASSWORD_WRONG ? current : fresh;
            field.setErrorMessage(getTranslation(e.reason().messageKey(), PasswordPolicy.MIN_LENGTH));
            field.setInvalid(true);
            return;
        }
        Notification.show(getTranslation("password.changed"));
        UI.getCurrent().navigate("");
    }

    @Override
    protected String titleKey() {
        return "password.title";
    }
}
