package org.formularium.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;

/**
 * A saved, unfinished filling of a form version.
 *
 * @param currentPage the wizard step the citizen was on (a page key, or a step name), may be {@code null}
 */
public record Draft(long id, String formKey, int formVersion, ObjectNode data, String currentPage,
                    OffsetDateTime updatedAt, OffsetDateTime expiresAt) {
}
