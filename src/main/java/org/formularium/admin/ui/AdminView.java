package org.formularium.admin.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.formularium.security.Role;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;

/** Administration: users, responsibilities, API keys, webhooks, branding, system health. */
@Route(value = "admin", layout = MainLayout.class)
@RolesAllowed(Role.ADMIN_NAME)
public class AdminView extends ViewSupport {

    public AdminView() {
        add(heading(), new Paragraph(getTranslation("admin.intro")));
    }

    @Override
    protected String titleKey() {
        return "admin.title";
    }
}
