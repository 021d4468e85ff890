package org.formularium.definition.store;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Remembers the newest published version number of each form for a short time, so that a stream of
 * submissions does not ask the database for it every time. A change on this instance (publish, archive,
 * reactivate) forgets the form at once and again after its commit; a change made by another instance is
 * seen after at most the time to live.
 */
final class LatestVersionCache {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Optional<Integer> number, long loadedAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;

    LatestVersionCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    Optional<Integer> get(String formKey, Supplier<Optional<Integer>> load) {
        if (ttlNanos <= 0) {
            return load.get();
        }
        long now = System.nanoTime();
        Entry entry = entries.get(formKey);
        if (entry != null && now - entry.loadedAt() < ttlNanos) {
            return entry.number();
        }
        Optional<Integer> number = load.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(formKey, new Entry(number, now));
        return number;
    }

    /** Forgets the form now and, inside a transaction, once more after the commit. */
    void forget(String formKey) {
        entries.remove(formKey);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    entries.remove(formKey);
                }
            });
        }
    }
}
