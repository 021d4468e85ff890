package org.formularium.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.IndexedData;
import org.formularium.definition.store.FormService;
import org.formularium.shared.crypto.ClearRowsEncryptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Drafts of citizens' fillings. A draft is found only by its token (32 random bytes, base64url); only the
 * token's SHA-256 is stored, so a database dump does not open anyone's draft. Drafts expire after
 * {@code formularium.drafts.ttl} (default 30 days) or the form's {@code privacy.draftRetentionDays}; expired ones
 * are never returned and are deleted hourly.
 */
@Service
public class DraftService implements ClearRowsEncryptor {

    private static final Logger LOG = LoggerFactory.getLogger(DraftService.class);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final DraftRepository repository;
    private final FormService forms;
    private final Clock clock;
    private final Duration defaultTtl;
    private final SecureRandom random = new SecureRandom();

    DraftService(DraftRepository repository, FormService forms, Clock clock,
                 @Value("${formularium.drafts.ttl:30d}") Duration defaultTtl) {
        this.repository = repository;
        this.forms = forms;
        this.clock = clock;
        this.defaultTtl = defaultTtl;
    }

    /**
     * Saves a filling: updates the draft of {@code token} when it is still valid, else creates a new one.
     *
     * @param token          the token of the current draft, or {@code null}
     * @param retentionDays  the form's draft retention in days, or {@code null} for the configured default
     * @return the token of the saved draft (the same one when it was updated)
     */
    @Transactional
    public String save(String token, String formKey, int version, JsonNode data, String currentPage,
                       Integer retentionDays) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expires = now.plus(ttl(retentionDays));
        ObjectNode indexed = indexed(formKey, version, data);
        if (token != null && wellFormed(token)
                && repository.update(hash(token), formKey, version, data, indexed, currentPage, now, expires)) {
            return token;
        }
        String fresh = newToken();
        repository.insert(formKey, version, hash(fresh), data, indexed, currentPage, now, expires);
        return fresh;
    }

    /** The answers of indexed elements, kept in clear for searching (the rest is stored encrypted). */
    private ObjectNode indexed(String formKey, int version, JsonNode data) {
        return forms.published(formKey, version).map(form -> IndexedData.of(form.definition(), data))
                .orElseGet(() -> DefinitionJson.mapper().createObjectNode());
    }

    /** Encrypts drafts saved before encryption at rest, in batches; returns how many. */
    @Override
    @Transactional
    public int encryptClearRows(int limit) {
        return repository.encryptClearRows(limit, this::indexed);
    }

    /**
     * Gives a valid draft a new token (the resume link shown to the citizen is shown once; an older link
     * stops working).
     */
    @Transactional
    public Optional<String> renewToken(String token) {
        if (token == null || !wellFormed(token)) {
            return Optional.empty();
        }
        String fresh = newToken();
        return repository.replaceTokenHash(hash(token), hash(fresh), OffsetDateTime.now(clock))
                ? Optional.of(fresh) : Optional.empty();
    }

    /** The valid (not expired) draft of this form with this token. Unknown and expired look the same. */
    @Transactional(readOnly = true)
    public Optional<Draft> find(String formKey, String token) {
        if (token == null || !wellFormed(token)) {
            return Optional.empty();
        }
        return repository.findValid(formKey, hash(token), OffsetDateTime.now(clock));
    }

    /** A draft by its id, expired or not (data-subject requests: the admin exports what is stored). */
    @Transactional(readOnly = true)
    public Optional<Draft> findById(long id) {
        return repository.findById(id);
    }

    @Transactional
    public void delete(String token) {
        if (token != null && wellFormed(token)) {
            repository.delete(hash(token));
        }
    }

    /** Deletes expired drafts; runs hourly (safe with several instances: a plain DELETE). */
    @Scheduled(fixedDelayString = "${formularium.drafts.purge-interval:PT1H}", initialDelayString = "PT1M")
    @Transactional
    public int purgeExpired() {
        int deleted = repository.deleteExpired(OffsetDateTime.now(clock));
        if (deleted > 0) {
            LOG.info("Deleted {} expired draft(s)", deleted);
        }
        return deleted;
    }

    Duration ttl(Integer retentionDays) {
        return retentionDays != null && retentionDays > 0 ? Duration.ofDays(retentionDays) : defaultTtl;
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean wellFormed(String token) {
        return TOKEN.matcher(token).matches();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
