package org.formularium.shared.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Where the master keys come from: {@code formularium.crypto.master-keys} ({@code FORMULARIUM_MASTER_KEYS}).
 * Without it the application refuses to start, except in the {@code demo} profile, which generates one key
 * once and keeps it in {@code formularium.crypto.demo-key-file} (default {@code .devdb/demo-master-key}).
 */
public final class MasterKeySource {

    public static final String DEMO_KEY_FILE_PROPERTY = "formularium.crypto.demo-key-file";
    static final String DEMO_KEY_FILE_DEFAULT = ".devdb/demo-master-key";
    static final String DEMO_KEY_ID = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(MasterKeySource.class);

    private MasterKeySource() {
    }

    public static MasterKeys resolve(Environment environment) {
        String spec = environment.getProperty(MasterKeys.PROPERTY);
        if (spec != null && !spec.isBlank()) {
            return MasterKeys.parse(spec);
        }
        if (!environment.acceptsProfiles(Profiles.of("demo"))) {
            throw new MasterKeyException(MasterKeys.MISSING_MESSAGE);
        }
        return demoKey(Path.of(environment.getProperty(DEMO_KEY_FILE_PROPERTY, DEMO_KEY_FILE_DEFAULT)));
    }

    /** The demo profile's key: read from the file, or generated once and written there. */
    static MasterKeys demoKey(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[MasterKeys.KEY_BYTES];
                new SecureRandom().nextBytes(key);
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
                Files.writeString(file, DEMO_KEY_ID + ":" + Base64.getEncoder().encodeToString(key) + "\n",
                        StandardCharsets.US_ASCII);
                restrictToOwner(file);
                LOG.warn("DEMO PROFILE: generated a master key for encryption at rest in {}. Demo data only: never use"
                        + " the demo profile or this key for real citizens' data; set FORMULARIUM_MASTER_KEYS instead."
                        + " Deleting the file makes the stored demo submissions unreadable.", file.toAbsolutePath());
            } else {
                LOG.warn("DEMO PROFILE: master key for encryption at rest read from {} (demo data only; set"
                        + " FORMULARIUM_MASTER_KEYS for real data).", file.toAbsolutePath());
            }
            return MasterKeys.parse(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new MasterKeyException("Formularium cannot start: the demo master key file " + file.toAbsolutePath()
                    + " cannot be read or written (" + e.getMessage() + "). Set FORMULARIUM_MASTER_KEYS or "
                    + DEMO_KEY_FILE_PROPERTY + ".", e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("cannot restrict permissions of {}", file, e);
        }
    }
}
