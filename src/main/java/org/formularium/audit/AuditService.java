package org.formularium.audit;

import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The audit log's API. {@link #record} appends an entry for the current actor (from Spring Security: a
 * staff user or an API key; an anonymous web request is a citizen's session; anything else the system);
 * call it when the action has succeeded. Inside a writable transaction the entry is part of it (rolled back
 * with the action); otherwise it is written in a transaction of its own.
 *
 * <p>Details are short strings (status, form key, count, file kind ...), never personal answer data.
 */
@Service
public class AuditService {

    private static final Logger LOG = LoggerFactory.getLogger(AuditService.class);
    private static final int VERIFY_BATCH = 1000;
    private static final String API_SCOPE_PREFIX = "SCOPE_";

    private final AuditRepository repository;
    private final TransactionTemplate ownTransaction;
    private final Period retention;
    private Clock clock;

    AuditService(AuditRepository repository, PlatformTransactionManager transactions, Clock clock,
                 @Value("${formularium.audit.retention:P2Y}") Period retention) {
        this.repository = repository;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.retention = retention;
    }

    /** Records an action of the current actor on a target. */
    public void record(AuditAction action, AuditTarget targetType, String targetId) {
        record(currentActor(), action, targetType, targetId, Map.of());
    }

    /** Records an action of the current actor on a target, with details (short strings, no personal data). */
    public void record(AuditAction action, AuditTarget targetType, String targetId, Map<String, ?> details) {
        record(currentActor(), action, targetType, targetId, details);
    }

    /** Records an action of the given actor (logins, citizen sessions, jobs). */
    public void record(AuditActor actor, AuditAction action, AuditTarget targetType, String targetId,
                       Map<String, ?> details) {
        Map<String, String> clean = AuditChain.clean(details);
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            append(actor, action, targetType, targetId, clean);
        } else {
            ownTransaction.executeWithoutResult(status -> append(actor, action, targetType, targetId, clean));
        }
    }

    /** Who is acting now: the signed-in user, the API key, the citizen's session, or the system. */
    public AuditActor currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            if (authentication.getPrincipal() instanceof AuditablePrincipal principal) {
                return principal.auditActor();
            }
            boolean apiKey = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .anyMatch(a -> a != null && a.startsWith(API_SCOPE_PREFIX));
            return apiKey ? new AuditActor(ActorType.API_KEY, null, authentication.getName())
                    : AuditActor.user(authentication.getName());
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            HttpSession session = request.getRequest().getSession(false);
            if (session != null) {
                return AuditActor.citizenSession(session.getId());
            }
        }
        return AuditActor.system("system");
    }

    /** Entries matching the query, newest first. */
    @Transactional(readOnly = true)
    public AuditPage search(AuditQuery query, int offset, int limit) {
        return new AuditPage(repository.search(query, offset, limit), repository.count(query));
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> find(AuditQuery query, int offset, int limit) {
        return repository.search(query, offset, limit);
    }

    @Transactional(readOnly = true)
    public int count(AuditQuery query) {
        return repository.count(query);
    }

    /**
     * Walks the chain from its anchor and recomputes every hash; the first entry whose link to its
     * predecessor or whose own hash does not match is reported.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ChainVerification verify() {
        AuditRepository.Anchor anchor = repository.anchor();
        String expected = anchor.lastHash();
        long after = anchor.lastId();
        long checked = 0;
        while (true) {
            List<AuditEntry> batch = repository.chainAfter(after, VERIFY_BATCH);
            for (AuditEntry entry : batch) {
                checked++;
                if (!entry.previousHash().equals(expected) || !AuditChain.hashOf(entry).equals(entry.entryHash())) {
                    return new ChainVerification(checked, entry.id(), anchor.lastId(), anchor.lastHash());
                }
                expected = entry.entryHash();
                after = entry.id();
            }
            if (batch.size() < VERIFY_BATCH) {
                return new ChainVerification(checked, null, anchor.lastId(), anchor.lastHash());
            }
        }
    }

    /**
     * Removes entries older than the cutoff (a prefix of the chain; the database never removes entries
     * younger than its minimum retention) and records the removal. Returns the number removed.
     */
    @Transactional
    public long pruneOlderThan(Instant cutoff) {
        long removed = repository.prune(cutoff.atOffset(java.time.ZoneOffset.UTC));
        if (removed > 0) {
            AuditRepository.Anchor anchor = repository.anchor();
            LOG.info("Audit retention removed {} entries; the chain now starts after entry {} (hash {})",
                    removed, anchor.lastId(), anchor.lastHash());
            append(AuditActor.system("audit-retention"), AuditAction.DELETE, AuditTarget.AUDIT_LOG, null,
                    Map.of("removed", Long.toString(removed), "anchorId", Long.toString(anchor.lastId()),
                            "anchorHash", anchor.lastHash()));
        }
        return removed;
    }

    /** Applies {@code formularium.audit.retention} (default two years); daily, safe with several instances. */
    @Scheduled(cron = "${formularium.audit.retention-cron:0 30 3 * * *}")
    @Transactional
    public void applyRetention() {
        pruneOlderThan(OffsetDateTime.now(clock).minus(retention).toInstant());
    }

    /** For tests: a controllable clock. */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    private void append(AuditActor actor, AuditAction action, AuditTarget targetType, String targetId,
                        Map<String, String> details) {
        repository.lockChain();
        String previous = repository.tailHash();
        long id = repository.nextId();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditActor stored = new AuditActor(actor.type(), AuditChain.strip(limit(actor.id(), 100)),
                AuditChain.strip(limit(actor.name(), 200)));
        String target = AuditChain.strip(limit(targetId, 200));
        String hash = AuditChain.hash(previous, id, at, stored, action, targetType, target, details);
        repository.insert(new AuditEntry(id, at, stored, action, targetType, target, details, previous, hash));
    }

    private static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
