package org.formularium.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;

/** Staff accounts: lookup for Spring Security and account management. */
@Service
public class UserService implements UserDetailsService {

    private final UserRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    UserService(UserRepository repository, PasswordEncoder passwordEncoder, Clock clock) {
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
}
