package org.formularium.backoffice;

import java.util.Set;

/**
 * The forms whose submissions someone may read: every form (administrators) or the forms they or one of
 * their groups are responsible for.
 */
public record FormScope(boolean all, Set<String> formKeys) {

    public FormScope {
        formKeys = Set.copyOf(formKeys);
    }

    public static FormScope everything() {
        return new FormScope(true, Set.of());
    }

    public static FormScope of(Set<String> formKeys) {
        return new FormScope(false, formKeys);
    }

    public boolean includes(String formKey) {
        return all || formKeys.contains(formKey);
    }
}
