package org.formularium.security;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.formularium.jooq.Tables.API_KEY;
import static org.formularium.jooq.Tables.APP_USER;
import static org.formularium.jooq.Tables.CLERK_GROUP_MEMBER;
import static org.formularium.jooq.Tables.RESPONSIBILITY;
import static org.formularium.jooq.Tables.SUBMISSION;
import static org.formularium.jooq.Tables.SUBMISSION_EVENT;
import static org.formularium.jooq.Tables.SUBMISSION_NOTE;

/** Staff accounts in table {@code app_user}. */
@Repository
class UserRepository {

    private final DSLContext dsl;

    UserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    record Credentials(UserAccount account, String passwordHash) {
    }

    Optional<Credentials> findCredentials(String username) {
        return dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional()
                .map(r -> new Credentials(toAccount(r), r.getPasswordHash()));
    }

    Optional<UserAccount> findByUsername(String username) {
        return dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional().map(this::toAccount);
    }

    boolean existsWithRole(Role role) {
        return dsl.fetchExists(APP_USER, APP_USER.ROLES.contains(new String[]{role.name()})
                .and(APP_USER.ENABLED.isTrue()));
    }

    /** Creates the user or, if the name exists, sets its password, roles and display name. */
    void upsert(String username, String displayName, String passwordHash, Set<Role> roles) {
        String[] roleNames = roles.stream().map(Role::name).sorted().toArray(String[]::new);
        dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.ROLES, roleNames)
                .onConflict(APP_USER.USERNAME).doUpdate()
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.ROLES, roleNames)
                .set(APP_USER.ENABLED, true)
                .execute();
    }

    void recordLogin(String username, OffsetDateTime at) {
        dsl.update(APP_USER).set(APP_USER.LAST_LOGIN_AT, at).set(APP_USER.FAILED_LOGINS, 0)
                .where(APP_USER.USERNAME.eq(username)).execute();
    }

    List<UserAccount> findAll() {
        return dsl.selectFrom(APP_USER).orderBy(APP_USER.USERNAME).fetch(this::toAccount);
    }

    boolean exists(String username) {
        return dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username));
    }

    long countEnabledWithRole(Role role) {
        return dsl.fetchCount(APP_USER, APP_USER.ROLES.contains(new String[]{role.name()})
                .and(APP_USER.ENABLED.isTrue()));
    }

    void insert(String username, String displayName, String email, String passwordHash, Set<Role> roles,
                boolean mustChangePassword) {
        dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.ROLES, roleNames(roles))
                .set(APP_USER.MUST_CHANGE_PASSWORD, mustChangePassword)
                .execute();
    }

    boolean updateProfile(String username, String displayName, String email, Set<Role> roles) {
        return dsl.update(APP_USER)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.ROLES, roleNames(roles))
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.USERNAME.eq(username)).execute() == 1;
    }

    boolean setEnabled(String username, boolean enabled) {
        return dsl.update(APP_USER).set(APP_USER.ENABLED, enabled)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.USERNAME.eq(username)).execute() == 1;
    }

    boolean setPassword(String username, String passwordHash, boolean mustChangePassword) {
        return dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.MUST_CHANGE_PASSWORD, mustChangePassword)
                .set(APP_USER.FAILED_LOGINS, 0)
                .setNull(APP_USER.LOCKED_UNTIL)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.USERNAME.eq(username)).execute() == 1;
    }

    boolean delete(String username) {
        return dsl.deleteFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).execute() == 1;
    }

    /**
     * User names that other tables refer to (review decisions and assignments, notes, responsibilities,
     * group memberships, API keys they created): such users may only be deactivated, never deleted.
     */
    Set<String> referencedUsernames() {
        Set<String> names = new TreeSet<>();
        names.addAll(dsl.selectDistinct(SUBMISSION_EVENT.ACTOR).from(SUBMISSION_EVENT).fetch(SUBMISSION_EVENT.ACTOR));
        names.addAll(dsl.selectDistinct(SUBMISSION_EVENT.ASSIGNED_TO).from(SUBMISSION_EVENT)
                .where(SUBMISSION_EVENT.ASSIGNED_TO.isNotNull()).fetch(SUBMISSION_EVENT.ASSIGNED_TO));
        names.addAll(dsl.selectDistinct(SUBMISSION.ASSIGNED_TO).from(SUBMISSION)
                .where(SUBMISSION.ASSIGNED_TO.isNotNull()).fetch(SUBMISSION.ASSIGNED_TO));
        names.addAll(dsl.selectDistinct(SUBMISSION_NOTE.AUTHOR).from(SUBMISSION_NOTE).fetch(SUBMISSION_NOTE.AUTHOR));
        names.addAll(dsl.selectDistinct(RESPONSIBILITY.USERNAME).from(RESPONSIBILITY)
                .where(RESPONSIBILITY.USERNAME.isNotNull()).fetch(RESPONSIBILITY.USERNAME));
        names.addAll(dsl.selectDistinct(CLERK_GROUP_MEMBER.USERNAME).from(CLERK_GROUP_MEMBER)
                .fetch(CLERK_GROUP_MEMBER.USERNAME));
        names.addAll(dsl.selectDistinct(API_KEY.CREATED_BY).from(API_KEY).fetch(API_KEY.CREATED_BY));
        return names;
    }

    boolean isReferenced(String username) {
        return dsl.fetchExists(SUBMISSION_EVENT, SUBMISSION_EVENT.ACTOR.eq(username).or(SUBMISSION_EVENT.ASSIGNED_TO.eq(username)))
                || dsl.fetchExists(SUBMISSION, SUBMISSION.ASSIGNED_TO.eq(username))
                || dsl.fetchExists(SUBMISSION_NOTE, SUBMISSION_NOTE.AUTHOR.eq(username))
                || dsl.fetchExists(RESPONSIBILITY, RESPONSIBILITY.USERNAME.eq(username))
                || dsl.fetchExists(CLERK_GROUP_MEMBER, CLERK_GROUP_MEMBER.USERNAME.eq(username))
                || dsl.fetchExists(API_KEY, API_KEY.CREATED_BY.eq(username));
    }

    private static String[] roleNames(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    private UserAccount toAccount(Record r) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(r.get(APP_USER.ROLES)).map(Role::valueOf).forEach(roles::add);
        return new UserAccount(r.get(APP_USER.ID), r.get(APP_USER.USERNAME), r.get(APP_USER.DISPLAY_NAME),
                r.get(APP_USER.EMAIL), Set.copyOf(roles), r.get(APP_USER.ENABLED),
                r.get(APP_USER.MUST_CHANGE_PASSWORD), r.get(APP_USER.LAST_LOGIN_AT));
    }
}
