package org.formularium.shared.crypto;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * At start, compares the configured master keys with what the database knows (table {@code master_key}):
 * a key whose value differs from the one first used under its id, or data under a key id that is no longer
 * configured, stops the start with a clear message instead of failing later on every read.
 */
@Component
class MasterKeyCheck implements InitializingBean {

    private final EncryptedColumnsRepository repository;
    private final Envelope envelope;
    private final Clock clock;

    MasterKeyCheck(EncryptedColumnsRepository repository, Envelope envelope, Clock clock) {
        this.repository = repository;
        this.envelope = envelope;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        MasterKeys keys = envelope.keys();
        for (String id : keys.ids()) {
            String expected = keys.checkValue(id);
            String known = repository.checkValue(id).orElse(null);
            if (known == null) {
                repository.insertCheckValue(id, expected, OffsetDateTime.now(clock));
            } else if (!known.equals(expected)) {
                throw new MasterKeyException("Formularium cannot start: the master key '" + id + "' in "
                        + MasterKeys.ENVIRONMENT_VARIABLE + " is not the key this database was encrypted with under that"
                        + " id (check value differs). Configure the original key for '" + id + "'.");
            }
        }
        List<String> missing = repository.knownKeyIds().stream()
                .filter(id -> !keys.ids().contains(id) && repository.anyUnder(id)).toList();
        if (!missing.isEmpty()) {
            throw new MasterKeyException("Formularium cannot start: the database holds data encrypted with master key(s) "
                    + missing + ", which " + (missing.size() == 1 ? "is" : "are") + " not configured. Add "
                    + (missing.size() == 1 ? "it" : "them") + " to " + MasterKeys.ENVIRONMENT_VARIABLE
                    + " after the current key and remove " + (missing.size() == 1 ? "it" : "them")
                    + " only after the rewrap finished (admin page \"Encryption keys\").");
        }
    }
}
