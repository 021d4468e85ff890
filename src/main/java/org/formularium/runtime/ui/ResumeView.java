package org.formularium.runtime.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.formularium.definition.store.FormService;
import org.formularium.runtime.Draft;
import org.formularium.runtime.DraftService;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * {@code /f/{key}/fortsetzen/{token}}: continues a saved draft in this browser and opens the form. An unknown
 * and an expired link get the same message (nobody learns which tokens exist).
 */
@Route(value = "f/:key/fortsetzen/:token", layout = MainLayout.class)
@AnonymousAllowed
public class ResumeView extends ViewSupport implements BeforeEnterObserver {

    private final transient DraftService drafts;
    private final transient FormService forms;

    ResumeView(DraftService drafts, FormService forms) {
        this.drafts = drafts;
        this.forms = forms;
    }

    @Override
    protected String titleKey() {
        return "resume.invalid.title";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String key = event.getRouteParameters().get("key").orElse("");
        String token = event.getRouteParameters().get("token").orElse("");
        Optional<Draft> draft = forms.latestPublished(key).isPresent() ? drafts.find(key, token) : Optional.empty();
        if (draft.isPresent()) {
            FillingState.fromDraft(key, draft.get(), token).store(VaadinSession.getCurrent());
            DraftCookies.write(key, token, Duration.between(OffsetDateTime.now(), draft.get().expiresAt()));
            event.forwardTo(FormView.class, new RouteParameters("key", key));
            return;
        }
        removeAll();
        add(heading(), new Paragraph(getTranslation("resume.invalid.text")));
        if (forms.latestPublished(key).isPresent()) {
            add(new Anchor("f/" + key, getTranslation("resume.invalid.startOver")));
        }
        add(new Paragraph(new Anchor("forms", getTranslation("error.backToForms"))));
    }
}
