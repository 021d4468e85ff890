package org.formularium.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the REST API.
 *
 * @param maxBodyBytes        largest request body under {@code /api/} (default 2 MB); larger ones get 413
 * @param maxJsonNestingDepth deepest nesting of JSON arrays/objects the application's JSON reader accepts
 */
@ConfigurationProperties("formularium.api")
public record ApiProperties(@DefaultValue("2097152") long maxBodyBytes, @DefaultValue("100") int maxJsonNestingDepth) {
}
