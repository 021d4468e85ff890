package org.formularium.backoffice;

/**
 * No submission with this reference that the signed-in user may read. A submission of another clerk's form
 * gives exactly this answer, so references of other forms cannot be probed.
 */
public class SubmissionNotFoundException extends RuntimeException {

    public SubmissionNotFoundException(String reference) {
        super("No submission '" + reference + "' in your forms");
    }
}
