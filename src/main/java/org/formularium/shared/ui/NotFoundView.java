package org.formularium.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** A page that does not exist, in the user's language (HTTP 404). */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotFoundView extends ViewSupport implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        add(heading(), new Paragraph(getTranslation("error.notFound.text")),
                new Anchor("forms", getTranslation("error.backToForms")));
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    protected String titleKey() {
        return "error.notFound.title";
    }
}
