package org.formularium.security.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Login for staff (designers, clerks, admins). Citizens never need to log in. */
@Route(value = "login", layout = MainLayout.class)
@AnonymousAllowed
public class LoginView extends ViewSupport implements BeforeEnterObserver {

    private static final int MAX_LOCK_MINUTES = 24 * 60;

    final LoginForm form = new LoginForm();
    /** The texts the form shows (LoginForm keeps its own copy private). */
    LoginI18n texts;

    public LoginView() {
        addClassName("login-view");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        texts = i18n();
        form.setI18n(texts);
        add(heading(), new Paragraph(getTranslation("login.intro")), form);
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form texts = i18n.getForm();
        texts.setTitle(getTranslation("login.form.title"));
        texts.setUsername(getTranslation("login.username"));
        texts.setPassword(getTranslation("login.password"));
        texts.setSubmit(getTranslation("login.submit"));
        texts.setForgotPassword(getTranslation("login.forgot"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.username"));
        error.setPassword(getTranslation("login.error.password"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        OptionalInt lockedMinutes = lockedMinutes(parameters.get("locked"));
        if (lockedMinutes.isPresent()) {
            // the same message whether the user exists or not
            LoginI18n i18n = i18n();
            i18n.getErrorMessage().setTitle(getTranslation("login.locked.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.locked.message", lockedMinutes.getAsInt()));
            texts = i18n;
            form.setI18n(i18n);
            form.setError(true);
            return;
        }
        form.setError(parameters.containsKey("error"));
    }

    private static OptionalInt lockedMinutes(List<String> values) {
        if (values == null || values.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Math.min(MAX_LOCK_MINUTES, Math.max(1, Integer.parseInt(values.get(0)))));
        } catch (NumberFormatException e) {
            return OptionalInt.of(1);
        }
    }

    @Override
    protected String titleKey() {
        return "login.title";
    }
}
