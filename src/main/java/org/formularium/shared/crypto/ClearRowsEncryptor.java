package org.formularium.shared.crypto;

/**
 * A feature's part of the one-time migration to encryption at rest: encrypts up to {@code limit} rows it
 * stored in clear before (changelog 0030), empties their clear columns and returns how many it did.
 * Called in a transaction; uses {@code FOR UPDATE SKIP LOCKED}, so several instances may run it at once.
 */
public interface ClearRowsEncryptor {

    int encryptClearRows(int limit);
}
