package org.formularium.shared.crypto;

import org.formularium.FormulariumApplication;
import org.formularium.support.AbstractDatabaseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starting the real application: without a master key (outside the demo profile) it refuses with a clear
 * message; with a wrong key under a known id it refuses too, instead of reading garbage later. (Extends the
 * database test so that the shared test database already knows the test key. Malformed keys: EnvelopeTest.)
 */
@ExtendWith(OutputCaptureExtension.class)
class MasterKeyRequiredTest extends AbstractDatabaseTest {

    @Test
    void without_a_master_key_the_application_refuses_to_start(CapturedOutput output) {
        assertThatThrownBy(() -> start("--formularium.crypto.master-keys="))
                .hasRootCauseInstanceOf(MasterKeyException.class)
                .rootCause().hasMessageContaining("no master key is configured").hasMessageContaining("FORMULARIUM_MASTER_KEYS");
        assertThat(output).contains("APPLICATION FAILED TO START").contains("no master key is configured")
                .contains("docs/operations.md");
    }

    @Test
    void a_wrong_master_key_is_refused_at_start_with_a_clear_message(CapturedOutput output) {
        assertThatThrownBy(() -> start("--formularium.crypto.master-keys=test:" + EnvelopeTest.key()))
                .hasRootCauseInstanceOf(MasterKeyException.class)
                .rootCause().hasMessageContaining("master key 'test'")
                .hasMessageContaining("is not the key this database was encrypted with");
        assertThat(output).contains("APPLICATION FAILED TO START");
    }

    private static void start(String keys) {
        new SpringApplicationBuilder(FormulariumApplication.class).profiles("test")
                .run("--server.port=0", keys).close();
    }
}
