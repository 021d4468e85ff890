package org.formularium.backoffice;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResponsibilityServiceTest extends BackofficeTestBase {

    @Test
    void a_clerk_assigned_directly_is_responsible_for_that_form_only() {
        String clerk = user("anna");
        String mine = contactFormFor(clerk);
        String other = contactFormFor(user("ben"));

        assertThat(responsibilities.formsOf(clerk)).contains(mine).doesNotContain(other);
        assertThat(responsibilities.usersOf(mine)).containsExactly(clerk);
    }

    @Test
    void members_of_a_group_are_responsible_for_the_group_s_forms_until_they_leave_it() {
        String clerk = user("carla");
        String form = contactFormFor();
        long group = responsibilities.createGroup(user("Bürgerbüro"));
        responsibilities.addToGroup(group, clerk);
        responsibilities.assignGroup(form, group, "admin");

        assertThat(responsibilities.formsOf(clerk)).containsExactly(form);
        assertThat(responsibilities.usersOf(form)).containsExactly(clerk);

        responsibilities.removeFromGroup(group, clerk);
        assertThat(responsibilities.formsOf(clerk)).isEmpty();
    }

    @Test
    void assigning_twice_is_harmless_and_unassigning_removes_the_responsibility() {
        String clerk = user("dora");
        String form = contactFormFor(clerk);
        responsibilities.assignUser(form, clerk, "admin");

        assertThat(responsibilities.usersOf(form)).containsExactly(clerk);

        responsibilities.unassignUser(form, clerk);
        assertThat(responsibilities.formsOf(clerk)).isEmpty();
    }

    @Test
    void administrators_see_every_form_and_clerks_only_theirs() {
        String clerk = user("emil");
        String form = contactFormFor(clerk);

        assertThat(responsibilities.scopeOf(new Clerk("root", true)).includes("any-form")).isTrue();
        FormScope scope = responsibilities.scopeOf(new Clerk(clerk, false));
        assertThat(scope.includes(form)).isTrue();
        assertThat(scope.includes("buecherwunsch")).isFalse();
    }

    @Test
    void in_the_demo_profile_the_demo_clerk_is_responsible_for_every_demo_form() {
        assertThat(responsibilities.formsOf("clerk")).contains("buecherwunsch", "fischereischein", "fundsache",
                "ideen-beschwerden", "parkausweis", "veranstaltung");
    }
}
