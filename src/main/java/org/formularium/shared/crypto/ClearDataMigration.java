package org.formularium.shared.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Once the application is up, encrypts the rows written before encryption at rest existed (it needs the
 * master key, so Liquibase cannot do it), batch by batch, until none is left.
 */
@Component
class ClearDataMigration {

    private static final Logger LOG = LoggerFactory.getLogger(ClearDataMigration.class);
    private static final int BATCH = 200;

    private final List<ClearRowsEncryptor> encryptors;
    private final TransactionTemplate transactions;

    ClearDataMigration(List<ClearRowsEncryptor> encryptors, TransactionTemplate transactions) {
        this.encryptors = encryptors;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void encryptRemainingClearRows() {
        int total = 0;
        for (ClearRowsEncryptor encryptor : encryptors) {
            Integer n;
            do {
                n = transactions.execute(status -> encryptor.encryptClearRows(BATCH));
                total += n == null ? 0 : n;
            } while (n != null && n > 0);
        }
        if (total > 0) {
            LOG.info("encryption at rest: encrypted {} rows stored in clear before", total);
        }
    }
}
