package org.formularium.backoffice;

/**
 * Someone else changed the submission since the clerk loaded it (its lock version moved on). Nothing was
 * written; the clerk reloads and decides again.
 */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String reference) {
        super("Submission " + reference + " was changed by someone else meanwhile");
    }
}
