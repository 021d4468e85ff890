package org.formularium.backoffice;

import java.time.Instant;

/** The answer of the citizen's status lookup. */
public sealed interface StatusLookupResult {

    /** Reference and access code belong together. */
    record Found(PublicStatus status) implements StatusLookupResult {
    }

    /** Unknown reference or wrong access code: the same answer for both. */
    record NotFound() implements StatusLookupResult {
    }

    /** Too many attempts from this client or for this reference; try again at {@code retryAt}. */
    record TooManyAttempts(Instant retryAt) implements StatusLookupResult {
    }
}
