package org.formularium.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** Shown to a logged-in user who opens an area their role does not cover (HTTP 403). */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class AccessDeniedView extends ViewSupport implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        add(heading(), new Paragraph(getTranslation("error.accessDenied.text")),
                new Anchor("forms", getTranslation("error.backToForms")));
        return HttpServletResponse.SC_FORBIDDEN;
    }

    @Override
    protected String titleKey() {
        return "error.accessDenied.title";
    }
}
