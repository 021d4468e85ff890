package org.formularium.builder.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.formularium.security.Role;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;

/** The designers' area: list of forms and the editor. */
@Route(value = "builder", layout = MainLayout.class)
@RolesAllowed(Role.DESIGNER_NAME)
public class BuilderView extends ViewSupport {

    public BuilderView() {
        add(heading(), new Paragraph(getTranslation("builder.intro")));
    }

    @Override
    protected String titleKey() {
        return "builder.title";
    }
}
