package org.formularium.shared.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused start for want of a (right) master key as a short description and action, not a stack trace. */
public class MasterKeyFailureAnalyzer extends AbstractFailureAnalyzer<MasterKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MasterKeyException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Configure the master keys in FORMULARIUM_MASTER_KEYS (id:base64-key, current key first)."
                        + " See docs/operations.md, section \"Master key\".", cause);
    }
}
