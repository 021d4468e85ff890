package org.formularium.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The address citizens and downstream systems reach us at ({@code formularium.public-url}), for links in mails and events. */
@Component
public class PublicUrl {

    private final String base;

    public PublicUrl(@Value("${formularium.public-url:http://localhost:8080}") String base) {
        this.base = base.replaceAll("/+$", "");
    }

    /** The absolute URL of a path such as {@code /status}. */
    public String of(String path) {
        return base + (path.startsWith("/") ? path : "/" + path);
    }
}
