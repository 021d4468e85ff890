package org.formularium.backoffice;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.formularium.jooq.Tables.CLERK_GROUP;
import static org.formularium.jooq.Tables.CLERK_GROUP_MEMBER;
import static org.formularium.jooq.Tables.RESPONSIBILITY;

/** Tables {@code clerk_group}, {@code clerk_group_member} and {@code responsibility}. */
@Repository
class ResponsibilityRepository {

    private final DSLContext dsl;

    ResponsibilityRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long createGroup(String name) {
        dsl.insertInto(CLERK_GROUP).set(CLERK_GROUP.NAME, name).onConflict(CLERK_GROUP.NAME).doNothing().execute();
        return dsl.select(CLERK_GROUP.ID).from(CLERK_GROUP).where(CLERK_GROUP.NAME.eq(name)).fetchSingle(CLERK_GROUP.ID);
    }

    Optional<Long> groupId(String name) {
        return dsl.select(CLERK_GROUP.ID).from(CLERK_GROUP).where(CLERK_GROUP.NAME.eq(name)).fetchOptional(CLERK_GROUP.ID);
    }

    void addMember(long groupId, String username) {
        dsl.insertInto(CLERK_GROUP_MEMBER).set(CLERK_GROUP_MEMBER.GROUP_ID, groupId)
                .set(CLERK_GROUP_MEMBER.USERNAME, username).onConflictDoNothing().execute();
    }

    void removeMember(long groupId, String username) {
        dsl.deleteFrom(CLERK_GROUP_MEMBER).where(CLERK_GROUP_MEMBER.GROUP_ID.eq(groupId))
                .and(CLERK_GROUP_MEMBER.USERNAME.eq(username)).execute();
    }

    void assignUser(String formKey, String username, String by) {
        dsl.insertInto(RESPONSIBILITY).set(RESPONSIBILITY.FORM_KEY, formKey).set(RESPONSIBILITY.USERNAME, username)
                .set(RESPONSIBILITY.CREATED_BY, by)
                .onConflict(RESPONSIBILITY.FORM_KEY, RESPONSIBILITY.USERNAME).where(RESPONSIBILITY.USERNAME.isNotNull())
                .doNothing().execute();
    }

    void unassignUser(String formKey, String username) {
        dsl.deleteFrom(RESPONSIBILITY).where(RESPONSIBILITY.FORM_KEY.eq(formKey))
                .and(RESPONSIBILITY.USERNAME.eq(username)).execute();
    }

    void assignGroup(String formKey, long groupId, String by) {
        dsl.insertInto(RESPONSIBILITY).set(RESPONSIBILITY.FORM_KEY, formKey).set(RESPONSIBILITY.GROUP_ID, groupId)
                .set(RESPONSIBILITY.CREATED_BY, by)
                .onConflict(RESPONSIBILITY.FORM_KEY, RESPONSIBILITY.GROUP_ID).where(RESPONSIBILITY.GROUP_ID.isNotNull())
                .doNothing().execute();
    }

    void unassignGroup(String formKey, long groupId) {
        dsl.deleteFrom(RESPONSIBILITY).where(RESPONSIBILITY.FORM_KEY.eq(formKey))
                .and(RESPONSIBILITY.GROUP_ID.eq(groupId)).execute();
    }

    /** The forms a user is responsible for, directly or through a group. */
    Set<String> formsOf(String username) {
        var viaGroup = DSL.select(CLERK_GROUP_MEMBER.GROUP_ID).from(CLERK_GROUP_MEMBER)
                .where(CLERK_GROUP_MEMBER.USERNAME.eq(username));
        return new TreeSet<>(dsl.selectDistinct(RESPONSIBILITY.FORM_KEY).from(RESPONSIBILITY)
                .where(RESPONSIBILITY.USERNAME.eq(username).or(RESPONSIBILITY.GROUP_ID.in(viaGroup)))
                .fetch(RESPONSIBILITY.FORM_KEY));
    }

    /** The users responsible for a form, directly or through a group, sorted. */
    List<String> usersOf(String formKey) {
        var direct = DSL.select(RESPONSIBILITY.USERNAME.as("username")).from(RESPONSIBILITY)
                .where(RESPONSIBILITY.FORM_KEY.eq(formKey)).and(RESPONSIBILITY.USERNAME.isNotNull());
        var viaGroup = DSL.select(CLERK_GROUP_MEMBER.USERNAME.as("username")).from(CLERK_GROUP_MEMBER)
                .join(RESPONSIBILITY).on(RESPONSIBILITY.GROUP_ID.eq(CLERK_GROUP_MEMBER.GROUP_ID))
                .where(RESPONSIBILITY.FORM_KEY.eq(formKey));
        return dsl.select(DSL.field(DSL.name("u", "username"), String.class))
                .from(direct.union(viaGroup).asTable("u"))
                .orderBy(1).fetch(r -> r.value1());
    }

    /** Every clerk group with its members, by name. */
    List<ClerkGroupSummary> groups() {
        Map<Long, List<String>> members = new LinkedHashMap<>();
        dsl.select(CLERK_GROUP_MEMBER.GROUP_ID, CLERK_GROUP_MEMBER.USERNAME).from(CLERK_GROUP_MEMBER)
                .orderBy(CLERK_GROUP_MEMBER.USERNAME)
                .forEach(r -> members.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        return dsl.select(CLERK_GROUP.ID, CLERK_GROUP.NAME).from(CLERK_GROUP).orderBy(CLERK_GROUP.NAME)
                .fetch(r -> new ClerkGroupSummary(r.value1(), r.value2(), members.getOrDefault(r.value1(), List.of())));
    }

    /** The direct user and group assignments of every form that has any, by form key. */
    Map<String, FormResponsibility> responsibilities() {
        Map<String, List<String>> users = new LinkedHashMap<>();
        Map<String, List<Long>> groups = new LinkedHashMap<>();
        dsl.select(RESPONSIBILITY.FORM_KEY, RESPONSIBILITY.USERNAME, RESPONSIBILITY.GROUP_ID).from(RESPONSIBILITY)
                .orderBy(RESPONSIBILITY.FORM_KEY, RESPONSIBILITY.USERNAME, RESPONSIBILITY.GROUP_ID)
                .forEach(r -> {
                    if (r.value2() != null) {
                        users.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2());
                    } else {
                        groups.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value3());
                    }
                });
        Map<String, FormResponsibility> result = new LinkedHashMap<>();
        Set<String> keys = new TreeSet<>(users.keySet());
        keys.addAll(groups.keySet());
        for (String key : keys) {
            result.put(key, new FormResponsibility(key, users.getOrDefault(key, List.of()), groups.getOrDefault(key, List.of())));
        }
        return result;
    }
}
