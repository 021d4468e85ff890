package org.formularium.runtime.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;

/** The catalogue of published forms; the start page for citizens. */
@Route(value = "forms", layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class)
@AnonymousAllowed
public class CatalogueView extends ViewSupport {

    public CatalogueView() {
        add(heading(), new Paragraph(getTranslation("catalogue.intro")));
        Paragraph empty = new Paragraph(getTranslation("catalogue.empty"));
        empty.addClassName("catalogue-empty");
        add(empty);
    }

    @Override
    protected String titleKey() {
        return "catalogue.title";
    }
}
