package org.formularium.security;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.formularium.jooq.Tables.APP_USER;

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

    private UserAccount toAccount(Record r) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(r.get(APP_USER.ROLES)).map(Role::valueOf).forEach(roles::add);
        return new UserAccount(r.get(APP_USER.ID), r.get(APP_USER.USERNAME), r.get(APP_USER.DISPLAY_NAME),
                r.get(APP_USER.EMAIL), Set.copyOf(roles), r.get(APP_USER.ENABLED),
                r.get(APP_USER.MUST_CHANGE_PASSWORD), r.get(APP_USER.LAST_LOGIN_AT));
    }
}
