package org.formularium.shared.crypto;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Envelope encryption of one value (a record's answers, a file, a note): a fresh random AES-256 data key per
 * value encrypts it with AES-256-GCM; the data key is wrapped with the current master key (AES key wrap,
 * RFC 3394). The additional authenticated data ties the blob to its table and record, so a blob copied to
 * another row does not decrypt. Rotation rewraps only the data key; the ciphertext stays the same.
 *
 * <p>Blob layout (version 1):
 * <pre>
 * [0]          format version (1)
 * [1]          length L of the master key id (1..32)
 * [2, 2+L)     master key id, ASCII
 * [2+L, +40)   data key wrapped with the master key (AES-KW, 32 + 8 bytes)
 * [2+L+40, +12) GCM nonce
 * [2+L+52, ..) ciphertext followed by the 16-byte GCM tag
 * </pre>
 * The database reads the key id with {@code envelope_key_id(blob)} (changelog 0030). Ciphers and random
 * generators are kept per thread: no key derivation, no lock on the ingest path.
 */
public final class Envelope {

    public static final byte VERSION = 1;
    static final int WRAPPED_KEY_BYTES = MasterKeys.KEY_BYTES + 8;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> cipher("AES/GCM/NoPadding"));
    private static final ThreadLocal<Cipher> KEY_WRAP = ThreadLocal.withInitial(() -> cipher("AES/KW/NoPadding"));
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Envelope::random);

    private final MasterKeys keys;

    public Envelope(MasterKeys keys) {
        this.keys = keys;
    }

    public MasterKeys keys() {
        return keys;
    }

    /** Encrypts {@code plain} for the record described by {@code context} (e.g. "submission.data:FM-2026-000001"). */
    public byte[] seal(byte[] plain, String context) {
        byte[] dataKey = new byte[MasterKeys.KEY_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        SecureRandom random = RANDOM.get();
        random.nextBytes(dataKey);
        random.nextBytes(nonce);
        byte[] id = keys.currentId().getBytes(StandardCharsets.US_ASCII);
        try {
            SecretKeySpec key = new SecretKeySpec(dataKey, "AES");
            byte[] wrapped = wrap(keys.current(), key);
            Cipher gcm = GCM.get();
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            gcm.updateAAD(aad(context));
            int headerLength = 2 + id.length + WRAPPED_KEY_BYTES + NONCE_BYTES;
            byte[] blob = new byte[headerLength + gcm.getOutputSize(plain.length)];
            blob[0] = VERSION;
            blob[1] = (byte) id.length;
            System.arraycopy(id, 0, blob, 2, id.length);
            System.arraycopy(wrapped, 0, blob, 2 + id.length, WRAPPED_KEY_BYTES);
            System.arraycopy(nonce, 0, blob, 2 + id.length + WRAPPED_KEY_BYTES, NONCE_BYTES);
            gcm.doFinal(plain, 0, plain.length, blob, headerLength);
            return blob;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    public byte[] sealText(String plain, String context) {
        return seal(plain.getBytes(StandardCharsets.UTF_8), context);
    }

    /** Decrypts a blob sealed for the same context; never returns garbage. */
    public byte[] open(byte[] blob, String context) {
        Header header = Header.of(blob);
        SecretKey dataKey = unwrap(header, blob);
        try {
            Cipher gcm = GCM.get();
            gcm.init(Cipher.DECRYPT_MODE, dataKey,
                    new GCMParameterSpec(TAG_BITS, blob, header.nonceOffset(), NONCE_BYTES));
            gcm.updateAAD(aad(context));
            int offset = header.nonceOffset() + NONCE_BYTES;
            return gcm.doFinal(blob, offset, blob.length - offset);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new DecryptionException("Stored data (" + kind(context) + ") failed authentication: it was changed"
                    + " or belongs to another record", e);
        } catch (GeneralSecurityException e) {
            throw new DecryptionException("Stored data (" + kind(context) + ") cannot be decrypted", e);
        }
    }

    public String openText(byte[] blob, String context) {
        return new String(open(blob, context), StandardCharsets.UTF_8);
    }

    /** The blob with its data key wrapped by the current master key; content and ciphertext unchanged. */
    public byte[] rewrap(byte[] blob) {
        Header header = Header.of(blob);
        if (header.keyId().equals(keys.currentId())) {
            return blob;
        }
        SecretKey dataKey = unwrap(header, blob);
        byte[] id = keys.currentId().getBytes(StandardCharsets.US_ASCII);
        try {
            byte[] wrapped = wrap(keys.current(), dataKey);
            int tail = blob.length - header.nonceOffset();
            byte[] result = new byte[2 + id.length + WRAPPED_KEY_BYTES + tail];
            result[0] = VERSION;
            result[1] = (byte) id.length;
            System.arraycopy(id, 0, result, 2, id.length);
            System.arraycopy(wrapped, 0, result, 2 + id.length, WRAPPED_KEY_BYTES);
            System.arraycopy(blob, header.nonceOffset(), result, 2 + id.length + WRAPPED_KEY_BYTES, tail);
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES key wrap failed", e);
        }
    }

    /** The id of the master key that wraps the blob's data key. */
    public static String keyId(byte[] blob) {
        return Header.of(blob).keyId();
    }

    private SecretKey unwrap(Header header, byte[] blob) {
        SecretKey master = keys.get(header.keyId());
        if (master == null) {
            throw new DecryptionException("Stored data is encrypted with master key '" + header.keyId()
                    + "', which is not configured (" + MasterKeys.ENVIRONMENT_VARIABLE + " has " + keys.ids() + ")");
        }
        try {
            Cipher kw = KEY_WRAP.get();
            kw.init(Cipher.UNWRAP_MODE, master);
            return (SecretKey) kw.unwrap(Arrays.copyOfRange(blob, header.wrappedOffset(),
                    header.wrappedOffset() + WRAPPED_KEY_BYTES), "AES", Cipher.SECRET_KEY);
        } catch (GeneralSecurityException e) {
            throw new DecryptionException("The configured master key '" + header.keyId()
                    + "' is not the key this data was encrypted with (wrong key value for that id)", e);
        }
    }

    private static byte[] wrap(SecretKey master, SecretKey dataKey) throws GeneralSecurityException {
        Cipher kw = KEY_WRAP.get();
        kw.init(Cipher.WRAP_MODE, master);
        return kw.wrap(dataKey);
    }

    private static byte[] aad(String context) {
        return ("formularium/v" + VERSION + "/" + context).getBytes(StandardCharsets.UTF_8);
    }

    private static String kind(String context) {
        int colon = context.indexOf(':');
        return colon < 0 ? context : context.substring(0, colon);
    }

    private record Header(String keyId, int wrappedOffset, int nonceOffset) {
        static Header of(byte[] blob) {
            if (blob == null || blob.length < 2 || blob[0] != VERSION) {
                throw new DecryptionException("Stored data is not an encrypted blob of format version " + VERSION);
            }
            int idLength = blob[1] & 0xff;
            int wrappedOffset = 2 + idLength;
            int nonceOffset = wrappedOffset + WRAPPED_KEY_BYTES;
            if (idLength == 0 || idLength > 32 || blob.length < nonceOffset + NONCE_BYTES + TAG_BITS / 8) {
                throw new DecryptionException("Stored data is not an encrypted blob (truncated header)");
            }
            return new Header(new String(blob, 2, idLength, StandardCharsets.US_ASCII), wrappedOffset, nonceOffset);
        }
    }

    private static Cipher cipher(String transformation) {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " is not available in this Java runtime", e);
        }
    }

    private static SecureRandom random() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
