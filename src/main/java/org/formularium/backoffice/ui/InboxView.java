package org.formularium.backoffice.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.formularium.security.Role;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;

/** The clerks' inbox of submissions for the forms they are responsible for. */
@Route(value = "backoffice", layout = MainLayout.class)
@RolesAllowed(Role.CLERK_NAME)
public class InboxView extends ViewSupport {

    public InboxView() {
        add(heading(), new Paragraph(getTranslation("backoffice.intro")));
    }

    @Override
    protected String titleKey() {
        return "backoffice.title";
    }
}
