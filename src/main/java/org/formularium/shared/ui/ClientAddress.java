package org.formularium.shared.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;

/**
 * The address of the citizen's browser as the servlet container reports it (behind a reverse proxy only taken
 * from {@code X-Forwarded-For} when that proxy is configured as trusted: {@code FORMULARIUM_TRUSTED_PROXIES}).
 * For rate limits; never logged or stored.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** The current request's client address, else the one the session started with, else {@code null}. */
    public static String current() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null && request.getRemoteAddr() != null) {
            return request.getRemoteAddr();
        }
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getBrowser() == null ? null : session.getBrowser().getAddress();
    }
}
