package org.formularium.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the REST API.
 *
 * @param maxBodyBytes        largest request body under {@code /api/} (default 2 MB); larger ones get 413
 * @param maxUploadBytes      largest multipart (file upload) request under {@code /api/} (default 51 MB: the
 *                            largest file a form may allow plus the multipart envelope)
 * @param maxJsonNestingDepth deepest nesting of JSON arrays/objects the application's JSON reader accepts
 */
@ConfigurationProperties("formularium.api")
public record ApiProperties(@DefaultValue("2097152") long maxBodyBytes, @DefaultValue("100") int maxJsonNestingDepth,
                            @DefaultValue("53477376") long maxUploadBytes) {
}
