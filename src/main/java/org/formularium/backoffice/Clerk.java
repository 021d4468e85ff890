package org.formularium.backoffice;

/**
 * The staff member acting in the back office.
 *
 * @param admin administrators see the submissions of every form; clerks only those of their forms
 */
public record Clerk(String username, boolean admin) {
}
