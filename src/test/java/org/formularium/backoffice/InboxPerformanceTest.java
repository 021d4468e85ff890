package org.formularium.backoffice;

import org.formularium.security.Role;
import org.formularium.submission.SubmissionStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox stays fast with 100,000 submissions: the rows are inserted with one INSERT … SELECT
 * generate_series inside the test's transaction (rolled back afterwards).
 */
class InboxPerformanceTest extends BackofficeTestBase {

    @Autowired
    InboxService inbox;
    @Autowired
    InboxRepository repository;

    @Test
    @Transactional
    void with_100000_submissions_a_filtered_first_page_uses_an_index_and_takes_less_than_200_ms() {
        String clerk = user("viel");
        String form = contactFormFor(clerk);
        String otherForm = contactFormFor(clerk);
        jdbc.update("""
                insert into submission (reference, access_code_hash, form_key, form_version, language, channel,
                    idempotency_key, request_hash, indexed_data, status, submitted_at, status_changed_at)
                select 'P-' || i || '-' || ?, 'x', case when i % 4 = 0 then ? else ? end, 1, 'de', 'API',
                    'perf-' || i || '-' || ?, 'x', jsonb_build_object('name', 'Person ' || i),
                    (array['RECEIVED','IN_REVIEW','NEEDS_INFORMATION','APPROVED','REJECTED','CLOSED'])[1 + i % 6],
                    now() - (i || ' minutes')::interval, now()
                from generate_series(1, 100000) as i
                """, form, otherForm, form, form);
        jdbc.execute("analyze submission");
        login(clerk, Role.CLERK);

        InboxFilter filter = InboxFilter.ALL.withForm(form).withStatus(SubmissionStatus.IN_REVIEW);
        String plan = repository.explainPage(filter, responsibilities.scopeOf(new Clerk(clerk, false)), clerk,
                java.time.ZoneId.systemDefault(), 50);
        assertThat(plan).contains("Index").doesNotContain("Seq Scan");
        inbox.page(filter, true, 0, 50); // warm-up
        long start = System.nanoTime();
        List<InboxRow> page = inbox.page(filter, true, 0, 50);
        int count = inbox.count(filter);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(page).hasSize(50);
        assertThat(count).isGreaterThan(10_000);
        assertThat(millis).as("first page and count in ms").isLessThan(200);

        long searchStart = System.nanoTime();
        List<InboxRow> found = inbox.page(InboxFilter.ALL.withForm(form).withFields(java.util.Map.of("name", "Person 4242")),
                true, 0, 50);
        long searchMillis = (System.nanoTime() - searchStart) / 1_000_000;
        assertThat(found).isNotEmpty();
        assertThat(searchMillis).as("search in an indexed answer in ms").isLessThan(1000);
    }
}
