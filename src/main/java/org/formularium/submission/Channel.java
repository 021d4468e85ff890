package org.formularium.submission;

/** How a submission arrived: through the citizen runtime or the headless API. */
public enum Channel {
    RUNTIME, API
}
