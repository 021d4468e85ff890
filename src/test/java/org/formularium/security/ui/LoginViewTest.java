package org.formularium.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import org.formularium.support.AbstractKaribuTest;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** What the login page says after a failed login and during a lockout (the same for every user name). */
class LoginViewTest extends AbstractKaribuTest {

    @Test
    void a_lockout_shows_how_many_minutes_to_wait() {
        UI.getCurrent().navigate("login", QueryParameters.of("locked", "15"));
        LoginView view = _get(LoginView.class);

        assertThat(view.form.isError()).isTrue();
        assertThat(view.texts.getErrorMessage().getTitle()).isEqualTo("Zu viele Anmeldeversuche");
        assertThat(view.texts.getErrorMessage().getMessage()).contains("in 15 Minuten erneut");
    }

    @Test
    void the_lockout_message_in_english() {
        useLanguage(Locale.ENGLISH);
        UI.getCurrent().navigate("login", QueryParameters.of("locked", "3"));

        assertThat(_get(LoginView.class).texts.getErrorMessage().getMessage())
                .isEqualTo("Logging in is blocked for a while after too many failed attempts. Please try again in 3 minutes.");
    }

    @Test
    void a_wrong_password_shows_the_usual_message() {
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        LoginView view = _get(LoginView.class);

        assertThat(view.form.isError()).isTrue();
        assertThat(view.texts.getErrorMessage().getTitle()).isEqualTo("Anmeldung fehlgeschlagen");
    }
}
