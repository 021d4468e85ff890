package org.formularium.backoffice;

import java.util.List;

/**
 * Who is responsible for one form: users assigned directly and clerk groups (ids), each sorted.
 */
public record FormResponsibility(String formKey, List<String> users, List<Long> groupIds) {

    public FormResponsibility {
        users = List.copyOf(users);
        groupIds = List.copyOf(groupIds);
    }
}
