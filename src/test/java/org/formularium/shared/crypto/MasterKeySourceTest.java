package org.formularium.shared.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where master keys come from: configuration, or a generated demo key in the demo profile only. */
class MasterKeySourceTest {

    @TempDir
    Path dir;

    @Test
    void outside_the_demo_profile_a_missing_key_is_refused() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");

        assertThatThrownBy(() -> MasterKeySource.resolve(environment)).isInstanceOf(MasterKeyException.class)
                .hasMessageContaining("no master key is configured").hasMessageContaining("FORMULARIUM_MASTER_KEYS");
    }

    @Test
    void the_demo_profile_generates_a_key_once_and_keeps_it() throws Exception {
        Path file = dir.resolve("devdb/demo-master-key");
        MockEnvironment environment = new MockEnvironment().withProperty(MasterKeySource.DEMO_KEY_FILE_PROPERTY, file.toString());
        environment.setActiveProfiles("demo");

        MasterKeys first = MasterKeySource.resolve(environment);
        MasterKeys second = MasterKeySource.resolve(environment);

        assertThat(Files.exists(file)).isTrue();
        assertThat(first.currentId()).isEqualTo("demo");
        assertThat(second.checkValue("demo")).isEqualTo(first.checkValue("demo"));
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void a_configured_key_wins_over_the_demo_key() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(MasterKeys.PROPERTY, "prod1:" + EnvelopeTest.key())
                .withProperty(MasterKeySource.DEMO_KEY_FILE_PROPERTY, dir.resolve("never").toString());
        environment.setActiveProfiles("demo");

        assertThat(MasterKeySource.resolve(environment).currentId()).isEqualTo("prod1");
        assertThat(Files.exists(dir.resolve("never"))).isFalse();
    }
}
