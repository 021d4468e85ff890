package org.formularium.delivery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.formularium.support.AbstractDatabaseTest;
import org.formularium.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances share the outbox. A worker claims a batch; when the batch takes longer than the lease,
 * another worker claims the waiting items again (attempts + 1). The first worker must then skip them, or
 * the webhook is delivered twice (seen in src/bench/two-instances-bench.sh under heavy load).
 */
class OutboxLeaseTest extends AbstractDatabaseTest {

    @Autowired
    OutboxRepository outbox;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_worker_whose_lease_ran_out_and_was_taken_over_cannot_start_the_item() {
        String dedupe = TestData.uniqueKey("lease");
        OffsetDateTime later = OffsetDateTime.now().plusDays(1); // no real worker claims it meanwhile
        outbox.add("LEASE_TEST", null, JsonNodeFactory.instance.objectNode(), dedupe, later);
        long id = jdbc.queryForObject("SELECT id FROM outbox WHERE dedupe_key = ?", Long.class, dedupe);

        jdbc.update("UPDATE outbox SET attempts = 1 WHERE id = ?", id); // worker A claimed it (attempt 1)
        assertThat(outbox.renew(id, 1, later)).as("A still holds it").isTrue();

        jdbc.update("UPDATE outbox SET attempts = 2 WHERE id = ?", id); // A's lease ran out, B claimed it
        assertThat(outbox.renew(id, 1, later)).as("A must skip it").isFalse();
        assertThat(outbox.renew(id, 2, later)).as("B holds it").isTrue();

        outbox.done(id, OffsetDateTime.now());
        assertThat(outbox.renew(id, 2, later)).as("a finished item is nobody's").isFalse();
        jdbc.update("DELETE FROM outbox WHERE id = ?", id);
    }
}
