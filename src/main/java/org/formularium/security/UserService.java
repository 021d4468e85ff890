package org.formularium.security;

import org.formularium.audit.AuditAction;
import org.formularium.audit.AuditService;
import org.formularium.audit.AuditTarget;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.formularium.security.AccountRejectedException.Reason;

/** Staff accounts: lookup for Spring Security and account management. */
@Service
public class UserService implements UserDetailsService {

    private final UserRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final AuditService audit;

    UserService(UserRepository repository, PasswordEncoder passwordEncoder, Clock clock, AuditService audit) {
        this.audit = audit;
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return repository.findCredentials(username)
                .map(c -> User.withUsername(c.account().username())
                        .password(c.passwordHash())
                        .disabled(!c.account().enabled())
                        .roles(c.account().roles().stream().map(Role::name).toArray(String[]::new))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    public Optional<UserAccount> findByUsername(String username) {
        return repository.findByUsername(username);
    }

    public boolean anyAdminExists() {
        return repository.existsWithRole(Role.ADMIN);
    }

    /** Creates the account or resets its password and roles (used for demo users and the first admin). */
    @Transactional
    public void createOrReset(String username, String displayName, String rawPassword, Set<Role> roles) {
        repository.upsert(username, displayName, passwordEncoder.encode(rawPassword), roles);
    }

    @Transactional
    public void recordSuccessfulLogin(String username) {
        repository.recordLogin(username, OffsetDateTime.now(clock));
    }

    // ---- account management (administration) ----

    /** User names: letters, digits, dot, dash, underscore; 2 to 100 characters. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,99}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Every staff account, by user name. */
    @Transactional(readOnly = true)
    public List<UserAccount> list() {
        return repository.findAll();
    }

    /** User names referred to elsewhere (review decisions, notes, responsibilities, ...): never deletable. */
    @Transactional(readOnly = true)
    public Set<String> referencedUsernames() {
        return repository.referencedUsernames();
    }

    @Transactional(readOnly = true)
    public boolean isReferenced(String username) {
        return repository.isReferenced(username);
    }

    /**
     * Creates an account with a temporary password the user must change at the first login.
     *
     * @throws AccountRejectedException if a rule is broken
     */
    @Transactional
    public UserAccount create(String username, String displayName, String email, Set<Role> roles,
                              String temporaryPassword) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new AccountRejectedException(Reason.USERNAME_INVALID);
        }
        String display = requireDisplayName(displayName);
        String mail = normaliseEmail(email);
        Set<Role> checkedRoles = requireRoles(roles);
        if (repository.exists(name)) {
            throw new AccountRejectedException(Reason.USERNAME_TAKEN);
        }
        PasswordPolicy.require(name, temporaryPassword);
        repository.insert(name, display, mail, passwordEncoder.encode(temporaryPassword), checkedRoles, true);
        audit.record(AuditAction.CREATE, AuditTarget.USER, name, Map.of("roles", roleNames(checkedRoles)));
        return repository.findByUsername(name).orElseThrow();
    }

    /** Changes name, e-mail address and roles. The last active administrator keeps the admin role. */
    @Transactional
    public void update(String username, String displayName, String email, Set<Role> roles) {
        UserAccount account = existing(username);
        String display = requireDisplayName(displayName);
        String mail = normaliseEmail(email);
        Set<Role> checkedRoles = requireRoles(roles);
        if (account.enabled() && account.hasRole(Role.ADMIN) && !checkedRoles.contains(Role.ADMIN)
                && repository.countEnabledWithRole(Role.ADMIN) <= 1) {
            throw new AccountRejectedException(Reason.LAST_ADMIN);
        }
        repository.updateProfile(username, display, mail, checkedRoles);
        audit.record(AuditAction.CHANGE, AuditTarget.USER, username, Map.of("roles", roleNames(checkedRoles)));
    }

    /**
     * Deactivates (the user can no longer log in) or reactivates an account. Nobody deactivates themselves
     * or the last active administrator.
     */
    @Transactional
    public void setEnabled(String username, boolean enabled, String by) {
        UserAccount account = existing(username);
        if (!enabled) {
            if (username.equals(by)) {
                throw new AccountRejectedException(Reason.SELF);
            }
            if (account.enabled() && account.hasRole(Role.ADMIN) && repository.countEnabledWithRole(Role.ADMIN) <= 1) {
                throw new AccountRejectedException(Reason.LAST_ADMIN);
            }
        }
        repository.setEnabled(username, enabled);
        audit.record(AuditAction.CHANGE, AuditTarget.USER, username, Map.of("enabled", enabled));
    }

    /** Deletes an account that nothing refers to; others can only be deactivated. */
    @Transactional
    public void delete(String username, String by) {
        UserAccount account = existing(username);
        if (username.equals(by)) {
            throw new AccountRejectedException(Reason.SELF);
        }
        if (repository.isReferenced(username)) {
            throw new AccountRejectedException(Reason.USER_REFERENCED);
        }
        if (account.enabled() && account.hasRole(Role.ADMIN) && repository.countEnabledWithRole(Role.ADMIN) <= 1) {
            throw new AccountRejectedException(Reason.LAST_ADMIN);
        }
        repository.delete(username);
        audit.record(AuditAction.DELETE, AuditTarget.USER, username);
    }

    /** An administrator sets a temporary password; the user must choose a new one at the next login. */
    @Transactional
    public void resetPassword(String username, String temporaryPassword) {
        existing(username);
        PasswordPolicy.require(username, temporaryPassword);
        repository.setPassword(username, passwordEncoder.encode(temporaryPassword), true);
        audit.record(AuditAction.CHANGE, AuditTarget.USER, username, Map.of("change", "password reset"));
    }

    /** The user replaces their (temporary) password; clears {@code must_change_password}. */
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        UserRepository.Credentials credentials = repository.findCredentials(username)
                .orElseThrow(() -> new AccountRejectedException(Reason.UNKNOWN_USER));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, credentials.passwordHash())) {
            throw new AccountRejectedException(Reason.CURRENT_PASSWORD_WRONG);
        }
        PasswordPolicy.require(username, newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new AccountRejectedException(Reason.PASSWORD_UNCHANGED);
        }
        repository.setPassword(username, passwordEncoder.encode(newPassword), false);
        audit.record(AuditAction.CHANGE, AuditTarget.USER, username, Map.of("change", "own password changed"));
    }

    /** True if the user exists and must set a new password before doing anything else. */
    @Transactional(readOnly = true)
    public boolean mustChangePassword(String username) {
        return username != null && repository.findByUsername(username).map(UserAccount::mustChangePassword).orElse(false);
    }

    private UserAccount existing(String username) {
        return repository.findByUsername(username).orElseThrow(() -> new AccountRejectedException(Reason.UNKNOWN_USER));
    }

    private static String roleNames(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toList().toString();
    }

    private static String requireDisplayName(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 200) {
            throw new AccountRejectedException(Reason.NAME_REQUIRED);
        }
        return displayName.strip();
    }

    private static String normaliseEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String trimmed = email.strip();
        if (trimmed.length() > 320 || !EMAIL.matcher(trimmed).matches()) {
            throw new AccountRejectedException(Reason.EMAIL_INVALID);
        }
        return trimmed;
    }

    private static Set<Role> requireRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new AccountRejectedException(Reason.ROLE_REQUIRED);
        }
        return Set.copyOf(EnumSet.copyOf(roles));
    }
}
