package org.formularium.delivery;

import org.formularium.audit.AuditAction;
import org.formularium.audit.AuditService;
import org.formularium.audit.AuditTarget;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Webhooks per form. Every delivery is signed: header {@code Formularium-Signature: t=<unix seconds>,
 * v1=<hex HMAC-SHA256 of "<t>.<body>" with the webhook's secret>} — receivers recompute it and reject
 * old timestamps.
 */
@Service
public class WebhookService {

    public static final String SIGNATURE_HEADER = "Formularium-Signature";
    public static final String EVENT_ID_HEADER = "Formularium-Event-Id";

    private final WebhookRepository repository;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final WebhookTester tester;

    private final AuditService audit;

    WebhookService(WebhookRepository repository, Clock clock, WebhookTester tester, AuditService audit) {
        this.audit = audit;
        this.repository = repository;
        this.clock = clock;
        this.tester = tester;
    }

    /** Outcome of a test delivery: the answer's status code, or the error when no answer came. */
    public record TestResult(Integer statusCode, String error, int durationMs) {
        public boolean successful() {
            return statusCode != null && statusCode >= 200 && statusCode <= 299;
        }
    }

    @Transactional(readOnly = true)
    public Optional<Webhook> find(long id) {
        return repository.find(id);
    }

    /** Sends a signed {@code webhook.test} event to the webhook now (even when disabled) and waits for the answer. */
    public TestResult sendTest(long id) {
        Webhook webhook = repository.find(id).orElseThrow(() -> new IllegalArgumentException("No webhook " + id));
        return tester.send(webhook);
    }

    /** The delivery log of a webhook, newest first. */
    @Transactional(readOnly = true)
    public List<WebhookAttempt> attempts(long webhookId, int limit) {
        return repository.deliveries(webhookId, limit).stream()
                .map(d -> new WebhookAttempt(d.outboxId(), d.attempt(), d.statusCode(), d.error(), d.durationMs(),
                        d.attemptedAt())).toList();
    }

    /** Whether a URL is acceptable for a webhook (http or https with a host). */
    public static boolean validUrl(String url) {
        try {
            validateUrl(url);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** Adds a webhook; returns it with its new secret (shown to the admin). */
    @Transactional
    public Webhook add(String formKey, String url, String user) {
        validateUrl(url);
        long id = repository.insert(formKey, url, newSecret(), user, OffsetDateTime.now(clock));
        audit.record(AuditAction.CREATE, AuditTarget.WEBHOOK, Long.toString(id), Map.of("form", formKey, "host", String.valueOf(java.net.URI.create(url).getHost())));
        return repository.find(id).orElseThrow();
    }

    /** Replaces the secret; deliveries from now on are signed with the new one. */
    @Transactional
    public Webhook rotateSecret(long id) {
        repository.setSecret(id, newSecret());
        audit.record(AuditAction.CHANGE, AuditTarget.WEBHOOK, Long.toString(id), Map.of("change", "secret rotated"));
        return repository.find(id).orElseThrow();
    }

    @Transactional
    public void setEnabled(long id, boolean enabled) {
        repository.setEnabled(id, enabled);
        audit.record(AuditAction.CHANGE, AuditTarget.WEBHOOK, Long.toString(id), Map.of("enabled", enabled));
    }

    @Transactional(readOnly = true)
    public List<Webhook> enabledFor(String formKey) {
        return repository.enabledFor(formKey);
    }

    @Transactional(readOnly = true)
    public List<Webhook> of(String formKey) {
        return repository.all(formKey);
    }

    @Transactional(readOnly = true)
    public List<WebhookRepository.Delivery> deliveries(long webhookId, int limit) {
        return repository.deliveries(webhookId, limit);
    }

    /** The signature header value for a body at a time. */
    public static String signature(String secret, long unixSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static void validateUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The webhook URL is not a valid URL: " + url);
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("The webhook URL must be an http(s) URL with a host: " + url);
        }
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
