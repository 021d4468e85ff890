package org.formularium.submission;

import org.formularium.definition.evaluation.DataError;

import java.util.List;

/** The data does not satisfy the form version: every error with path, code and message (de, en). */
public class SubmissionRejectedException extends RuntimeException {
    private final List<DataError> errors;

    public SubmissionRejectedException(List<DataError> errors) {
        super("The submission has " + errors.size() + " error(s)");
        this.errors = List.copyOf(errors);
    }

    public List<DataError> errors() {
        return errors;
    }
}
