/**
 * Encryption at rest. {@link org.formularium.shared.crypto.Envelope} seals one value (AES-256-GCM with a
 * fresh data key, the data key wrapped by the current master key with AES key wrap; additional data binds
 * the blob to its table and record). {@link org.formularium.shared.crypto.MasterKeys} parses
 * {@code FORMULARIUM_MASTER_KEYS}; {@link org.formularium.shared.crypto.MasterKeySource} refuses to start
 * without it outside the demo profile; {@link org.formularium.shared.crypto.MasterKeyCheck} refuses a wrong
 * key or a missing old key at start; {@link org.formularium.shared.crypto.KeyRotationService} rewraps data
 * keys after a rotation ({@code FOR UPDATE SKIP LOCKED}); {@link org.formularium.shared.crypto.ClearDataMigration}
 * encrypts rows stored before encryption existed. The encrypted columns are listed in
 * {@link org.formularium.shared.crypto.EncryptedColumn#ALL}; each feature's repository seals and opens its own.
 */
package org.formularium.shared.crypto;
