package org.formularium.shared.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Master key rotation without downtime. New records always use the current key; this job rewraps the data
 * keys of records still under older configured keys, in small transactions ({@code FOR UPDATE SKIP LOCKED},
 * so several instances can run it at once). Once no blob is left under an old key, that key can be removed
 * from the configuration. The content is never decrypted to disk and the ciphertext does not change.
 */
@Service
public class KeyRotationService {

    private static final Logger LOG = LoggerFactory.getLogger(KeyRotationService.class);

    private final EncryptedColumnsRepository repository;
    private final Envelope envelope;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean();

    KeyRotationService(EncryptedColumnsRepository repository, Envelope envelope, TransactionTemplate transactions,
                       @Value("${formularium.crypto.rewrap-batch-size:200}") int batchSize) {
        this.repository = repository;
        this.envelope = envelope;
        this.transactions = transactions;
        this.batchSize = batchSize;
    }

    /** Encrypted values per master key id (all tables). */
    public record KeyUsage(String keyId, boolean current, boolean configured, long values, Map<String, Integer> byColumn) {
    }

    public String currentKeyId() {
        return envelope.keys().currentId();
    }

    /** The counts per key id: configured keys (also those with nothing yet) and any other id found in the data. */
    public List<KeyUsage> usage() {
        Map<String, Map<String, Integer>> byKey = new TreeMap<>();
        envelope.keys().ids().forEach(id -> byKey.put(id, new TreeMap<>()));
        for (EncryptedColumnsRepository.Count count : repository.counts()) {
            byKey.computeIfAbsent(count.keyId(), k -> new TreeMap<>()).put(count.column().qualified(), count.count());
        }
        String current = envelope.keys().currentId();
        return byKey.entrySet().stream()
                .map(e -> new KeyUsage(e.getKey(), e.getKey().equals(current), envelope.keys().ids().contains(e.getKey()),
                        e.getValue().values().stream().mapToLong(Integer::longValue).sum(), Map.copyOf(e.getValue())))
                .sorted((a, b) -> a.current() != b.current() ? (a.current() ? -1 : 1) : a.keyId().compareTo(b.keyId()))
                .toList();
    }

    /** One batch per column; returns how many values were rewrapped (0: nothing left under old keys). */
    public int rewrapBatch() {
        List<String> old = envelope.keys().oldIds();
        if (old.isEmpty()) {
            return 0;
        }
        int done = 0;
        for (EncryptedColumn column : EncryptedColumn.ALL) {
            Integer n = transactions.execute(status -> repository.rewrap(column, old, batchSize, envelope::rewrap));
            done += n == null ? 0 : n;
        }
        return done;
    }

    /**
     * Starts a rewrap in the background (one at a time per instance); false when one is already running or
     * there is no old key to rewrap from.
     */
    public boolean startRewrap() {
        if (envelope.keys().oldIds().isEmpty() || !running.compareAndSet(false, true)) {
            return false;
        }
        Thread worker = new Thread(() -> {
            try {
                rewrapAll();
            } catch (RuntimeException e) {
                LOG.error("rewrap of encrypted values failed", e);
            } finally {
                running.set(false);
            }
        }, "formularium-rewrap");
        worker.setDaemon(true);
        worker.start();
        return true;
    }

    public boolean rewrapRunning() {
        return running.get();
    }

    /** Rewraps until nothing is left under old keys (or only rows locked by others); returns the total. */
    public int rewrapAll() {
        int total = 0;
        int n;
        while ((n = rewrapBatch()) > 0) {
            total += n;
        }
        if (total > 0) {
            LOG.info("rewrapped {} encrypted values to master key '{}'", total, envelope.keys().currentId());
        }
        return total;
    }

    @Scheduled(fixedDelayString = "${formularium.crypto.rewrap-interval:PT10M}", initialDelayString = "${formularium.crypto.rewrap-interval:PT10M}")
    void scheduledRewrap() {
        if (!envelope.keys().oldIds().isEmpty()) {
            rewrapAll();
        }
    }
}
