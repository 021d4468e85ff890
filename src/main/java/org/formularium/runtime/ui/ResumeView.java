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
import org.formularium.shared.ratelimit.RateLimits;
import org.formularium.shared.ui.ClientAddress;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.RetryMessage;
import org.formularium.shared.ui.ViewSupport;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * {@code /f/{key}/fortsetzen/{token}}: continues a saved draft in this browser and opens the form. An unknown
 * and an expired link get the same message (nobody learns which tokens exist); opening links is rate limited per
 * client address ({@link RateLimits.Limit#DRAFT_RESUME}).
 */
@Route(value = "f/:key/fortsetzen/:token", layout = MainLayout.class)
@AnonymousAllowed
public class ResumeView extends ViewSupport implements BeforeEnterObserver {

    private final transient DraftService drafts;
    private final transient FormService forms;
    private final transient RateLimits limits;

    ResumeView(DraftService drafts, FormService forms, RateLimits limits) {
        this.drafts = drafts;
        this.forms = forms;
        this.limits = limits;
    }

    private boolean limited;

    @Override
    protected String titleKey() {
        return limited ? "resume.tooMany.title" : "resume.invalid.title";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String key = event.getRouteParameters().get("key").orElse("");
        String token = event.getRouteParameters().get("token").orElse("");
        Optional<Instant> retryAt = limits.tryAcquireForClient(RateLimits.Limit.DRAFT_RESUME, ClientAddress.current());
        limited = retryAt.isPresent();
        if (limited) {
            removeAll();
            Paragraph message = new Paragraph(RetryMessage.of(this, "resume.tooMany", retryAt.get()));
            message.addClassName("resume-too-many");
            add(heading(), message);
            return;
        }
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
