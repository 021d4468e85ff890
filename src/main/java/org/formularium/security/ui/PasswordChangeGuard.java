package org.formularium.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.formularium.security.UserService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A staff member whose password was set by an administrator ({@code must_change_password}) is sent to
 * {@link PasswordView} from every view until they have chosen a new password.
 */
@Component
class PasswordChangeGuard implements VaadinServiceInitListener {

    private final transient UserService users;

    PasswordChangeGuard(UserService users) {
        this.users = users;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == PasswordView.class || target == LoginView.class) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return;
        }
        if (users.mustChangePassword(authentication.getName())) {
            event.rerouteTo(PasswordView.class);
        }
    }
}
