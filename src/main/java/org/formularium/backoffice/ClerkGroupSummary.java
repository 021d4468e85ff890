package org.formularium.backoffice;

import java.util.List;

/** A clerk group with its members (user names, sorted), as the administration lists it. */
public record ClerkGroupSummary(long id, String name, List<String> members) {

    public ClerkGroupSummary {
        members = List.copyOf(members);
    }
}
