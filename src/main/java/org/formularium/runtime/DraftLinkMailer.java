package org.formularium.runtime;

import java.util.Locale;

/**
 * Sends a citizen the link to resume a draft. The runtime offers the e-mail option only when
 * {@link #isAvailable()}; the delivery pipeline may replace the default implementation with its own bean.
 */
public interface DraftLinkMailer {

    boolean isAvailable();

    /** Sends the resume link; throws when the mail could not be handed over. */
    void send(String recipient, String formTitle, String resumeLink, Locale locale);
}
