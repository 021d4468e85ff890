package org.formularium.shared.crypto;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The configured master keys: {@code id:base64(32 bytes)} separated by commas; the first is the current key
 * (wraps the data keys of new records), the others still unwrap records written under them.
 */
public final class MasterKeys {

    public static final String PROPERTY = "formularium.crypto.master-keys";
    public static final String ENVIRONMENT_VARIABLE = "FORMULARIUM_MASTER_KEYS";
    public static final int KEY_BYTES = 32;
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    public static final String MISSING_MESSAGE = """
            Formularium cannot start: no master key is configured (encryption at rest).
            Set FORMULARIUM_MASTER_KEYS (property formularium.crypto.master-keys) to id:key, where key is 32 random
            bytes in Base64, e.g. FORMULARIUM_MASTER_KEYS=k1:$(openssl rand -base64 32)
            Keep the key outside the database and its backups: without it the stored submissions cannot be read.
            See docs/operations.md, "Master key".""";

    private final String currentId;
    private final Map<String, SecretKey> keys;

    private MasterKeys(String currentId, Map<String, SecretKey> keys) {
        this.currentId = currentId;
        this.keys = Collections.unmodifiableMap(keys);
    }

    /** Parses {@code id1:base64,id0:base64}; every problem is reported with a clear message (never the key). */
    public static MasterKeys parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new MasterKeyException(MISSING_MESSAGE);
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String current = null;
        int position = 0;
        for (String entry : spec.split(",")) {
            position++;
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            if (colon < 0) {
                throw invalid(position, "expected id:base64-key (e.g. k1:" + "<32 bytes in Base64>)");
            }
            String id = trimmed.substring(0, colon).strip();
            if (!ID.matcher(id).matches()) {
                throw invalid(position, "the id must be 1 to 32 characters of A-Z a-z 0-9 . _ -");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(trimmed.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw invalid(position, "key '" + id + "' is not valid Base64");
            }
            if (bytes.length != KEY_BYTES) {
                throw invalid(position, "key '" + id + "' has " + bytes.length + " bytes, AES-256 needs exactly "
                        + KEY_BYTES + " (generate one with: openssl rand -base64 32)");
            }
            if (keys.putIfAbsent(id, new SecretKeySpec(bytes, "AES")) != null) {
                throw invalid(position, "the id '" + id + "' is used twice");
            }
            if (current == null) {
                current = id;
            }
        }
        return new MasterKeys(current, keys);
    }

    private static MasterKeyException invalid(int position, String problem) {
        return new MasterKeyException("Formularium cannot start: " + ENVIRONMENT_VARIABLE + " ("
                + PROPERTY + ") is invalid at entry " + position + ": " + problem + ".");
    }

    /** The id of the key that wraps new data keys. */
    public String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    SecretKey get(String id) {
        return keys.get(id);
    }

    /** A check value of the key with this id (HMAC-SHA256 of a fixed text, hex): tells a wrong key without revealing it. */
    public String checkValue(String id) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.get(id).getEncoded(), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(
                    "formularium master key check v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** All configured ids, the current first. */
    public List<String> ids() {
        return List.copyOf(keys.keySet());
    }

    /** The configured ids other than the current one (records under them are rewrapped). */
    public List<String> oldIds() {
        return keys.keySet().stream().filter(id -> !id.equals(currentId)).toList();
    }
}
