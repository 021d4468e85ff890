package org.formularium.runtime.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.server.VaadinSession;
import org.formularium.definition.DefinitionJson;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * One citizen's filling of one form in this browser session: the answers, the step, the idempotency key (made
 * once, so a double click or a resend gives one submission) and the draft token. Kept in the session so a
 * reload or a language switch continues where the citizen was.
 */
final class FillingState implements Serializable {

    static final String PRIVACY_STEP = "_privacy";
    static final String REVIEW_STEP = "_review";

    final String formKey;
    int version;
    ObjectNode data = DefinitionJson.mapper().createObjectNode();
    String step;
    final String idempotencyKey = UUID.randomUUID().toString();
    String draftToken;
    boolean consent;
    Instant consentAt;
    boolean returnToReview;
    Instant lastSaved;
    /** When the form was opened in this session (anti-spam: minimum fill time). */
    Instant openedAt;
    transient org.formularium.submission.SubmissionReceipt receipt;

    FillingState(String formKey, int version) {
        this.formKey = formKey;
        this.version = version;
    }

    /** A filling continued from a saved draft. */
    static FillingState fromDraft(String formKey, org.formularium.runtime.Draft draft, String token) {
        FillingState state = new FillingState(formKey, draft.formVersion());
        state.data = draft.data();
        state.step = draft.currentPage();
        state.draftToken = token;
        return state;
    }

    static FillingState of(VaadinSession session, String formKey) {
        Object state = session.getAttribute(attribute(formKey));
        return state instanceof FillingState filling ? filling : null;
    }

    void store(VaadinSession session) {
        session.setAttribute(attribute(formKey), this);
    }

    static void clear(VaadinSession session, String formKey) {
        session.setAttribute(attribute(formKey), null);
    }

    private static String attribute(String formKey) {
        return "formularium.filling." + formKey;
    }
}
