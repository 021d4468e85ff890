package org.formularium.audit;

import com.vaadin.flow.component.UI;
import org.formularium.api.keys.ApiKeyService;
import org.formularium.api.keys.ApiScope;
import org.formularium.api.keys.CreatedApiKey;
import org.formularium.backoffice.BackofficeTestBase;
import org.formularium.backoffice.CaseService;
import org.formularium.backoffice.ExportService;
import org.formularium.backoffice.InboxFilter;
import org.formularium.backoffice.ReviewService;
import org.formularium.backoffice.ui.SubmissionView;
import org.formularium.security.Role;
import org.formularium.security.UserService;
import org.formularium.submission.SubmissionReceipt;
import org.formularium.submission.SubmissionStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log: what is recorded (back-office views, changes, exports; admin actions; citizen submissions),
 * the append-only trigger, the hash chain that reveals tampering, concurrent appends, retention and the
 * privileges of a separate application role.
 */
class AuditLogTest extends BackofficeTestBase {

    @Autowired
    AuditService audit;
    @Autowired
    CaseService cases;
    @Autowired
    ReviewService reviews;
    @Autowired
    ExportService exports;
    @Autowired
    UserService users;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;

    private List<AuditEntry> entriesFor(AuditTarget type, String id) {
        return audit.find(new AuditQuery(null, null, null, null, type, id), 0, 100);
    }

    private AuditEntry only(List<AuditEntry> entries, AuditAction action) {
        List<AuditEntry> matching = entries.stream().filter(e -> e.action() == action).toList();
        assertThat(matching).as("%s entries in %s", action, entries).hasSize(1);
        return matching.get(0);
    }

    @Test
    void a_citizen_submission_and_the_clerks_view_change_note_and_export_are_recorded() throws Exception {
        String clerk = user("sb");
        String form = contactFormFor(clerk);
        SubmissionReceipt receipt = submit(form, "Erika Canary-Mustermann");
        login(clerk, Role.CLERK);

        UI.getCurrent().navigate("backoffice/" + receipt.reference());
        _get(SubmissionView.class);
        reviews.changeStatus(receipt.reference(), lockOf(receipt.reference()), SubmissionStatus.IN_REVIEW, null, null);
        reviews.addNote(receipt.reference(), "Rückfrage nötig");
        cases.downloadDocument(receipt.reference(), "json");
        exports.writeCsv(InboxFilter.ALL.withForm(form), Locale.GERMAN, new ByteArrayOutputStream());

        // the submission's own entry is written by the outbox after commit
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                entriesFor(AuditTarget.SUBMISSION, receipt.reference()).stream()
                        .anyMatch(e -> e.action() == AuditAction.CREATE && e.details().containsKey("channel")));
        List<AuditEntry> entries = entriesFor(AuditTarget.SUBMISSION, receipt.reference());
        assertThat(entries.stream().filter(e -> e.action() == AuditAction.CREATE
                && "note".equals(e.details().get("change")))).hasSize(1);
        AuditEntry submitted = entries.stream().filter(e -> e.action() == AuditAction.CREATE
                && e.details().containsKey("channel")).findFirst().orElseThrow();
        assertThat(submitted.details()).containsEntry("form", form).containsEntry("channel", "RUNTIME");
        AuditEntry viewed = only(entries, AuditAction.VIEW);
        assertThat(viewed.actor()).isEqualTo(AuditActor.user(clerk));
        AuditEntry changed = only(entries, AuditAction.CHANGE);
        assertThat(changed.details()).containsEntry("from", "RECEIVED").containsEntry("to", "IN_REVIEW");
        AuditEntry exported = only(entries, AuditAction.EXPORT);
        assertThat(exported.details()).containsEntry("document", "json");
        AuditEntry csv = only(entriesFor(AuditTarget.FORM, form), AuditAction.EXPORT);
        assertThat(csv.actor().name()).isEqualTo(clerk);
        assertThat(csv.details()).containsEntry("format", "csv").containsEntry("count", "1");
        // never the citizen's answers
        assertThat(entries).allSatisfy(e -> assertThat(e.details().values()).noneMatch(v -> v.contains("Canary")));
    }

    @Test
    void a_submission_without_a_signed_in_user_is_recorded_for_the_system_or_the_citizen_session() {
        String form = contactFormFor();
        logout();
        SubmissionReceipt receipt = submit(form, "Max");

        // written by the outbox after the submission's commit
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            AuditEntry created = only(entriesFor(AuditTarget.SUBMISSION, receipt.reference()), AuditAction.CREATE);
            assertThat(created.actor().type()).isIn(ActorType.CITIZEN_SESSION, ActorType.SYSTEM);
        });
    }

    @Test
    void admin_actions_on_users_and_api_keys_are_recorded() {
        login("admin", Role.ADMIN);
        String name = user("neu");
        users.create(name, "Neue Person", null, Set.of(Role.CLERK), "Blauer Kranich singt leise");
        users.setEnabled(name, false, "admin");
        users.delete(name, "admin");
        CreatedApiKey key = apiKeys.create("audit test " + name, Set.of(ApiScope.FORMS_READ), null, "admin");
        apiKeys.revoke(key.key().id());

        List<AuditEntry> userEntries = entriesFor(AuditTarget.USER, name);
        assertThat(userEntries).extracting(AuditEntry::action)
                .containsExactly(AuditAction.DELETE, AuditAction.CHANGE, AuditAction.CREATE);
        assertThat(userEntries).allSatisfy(e -> assertThat(e.actor()).isEqualTo(AuditActor.user("admin")));
        assertThat(entriesFor(AuditTarget.API_KEY, Long.toString(key.key().id()))).extracting(AuditEntry::action)
                .containsExactly(AuditAction.REVOKE, AuditAction.CREATE);
    }

    @Test
    void the_database_refuses_update_delete_and_truncate_of_audit_entries() throws Exception {
        audit.record(AuditActor.system("test"), AuditAction.CHANGE, AuditTarget.FORM, user("form"), Map.of());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update audit_entry set target_id = 'x'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_entry"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("truncate audit_entry"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("update audit_anchor set last_id = last_id + 1"))
                    .hasMessageContaining("audit_prune");
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void tampering_with_an_entry_is_found_by_the_verifier_at_that_entry() throws Exception {
        String target = user("tamper");
        audit.record(AuditActor.user("alice"), AuditAction.VIEW, AuditTarget.SUBMISSION, target, Map.of("k", "v"));
        audit.record(AuditActor.user("bob"), AuditAction.EXPORT, AuditTarget.SUBMISSION, target, Map.of());
        AuditEntry first = entriesFor(AuditTarget.SUBMISSION, target).get(1);
        AuditEntry second = entriesFor(AuditTarget.SUBMISSION, target).get(0);
        assertThat(first.actor().name()).isEqualTo("alice");
        assertThat(audit.verify().intact()).isTrue();

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // what an attacker with the owner's (or a superuser's) rights could do
            s.execute("alter table audit_entry disable trigger audit_entry_append_only");
            try {
                s.executeUpdate("update audit_entry set actor_name = 'mallory' where id = " + first.id());
                ChainVerification broken = audit.verify();
                assertThat(broken.intact()).isFalse();
                assertThat(broken.firstBrokenId()).isEqualTo(first.id());

                s.executeUpdate("update audit_entry set actor_name = 'alice', details = '{\"k\": \"w\"}' where id = "
                        + first.id());
                assertThat(audit.verify().firstBrokenId()).isEqualTo(first.id());

                // recomputing the tampered entry's own hash does not help: the next entry's link breaks
                String forged = AuditChain.hash(first.previousHash(), first.id(), first.at(),
                        new AuditActor(ActorType.USER, "alice", "mallory"),
                        first.action(), first.targetType(), first.targetId(), first.details());
                s.executeUpdate("update audit_entry set actor_name = 'mallory', details = '{\"k\": \"v\"}', entry_hash = '"
                        + forged + "' where id = " + first.id());
                ChainVerification relinked = audit.verify();
                assertThat(relinked.firstBrokenId()).isEqualTo(second.id());
            } finally {
                s.executeUpdate("update audit_entry set actor_name = 'alice', details = '{\"k\": \"v\"}', entry_hash = '"
                        + first.entryHash() + "' where id = " + first.id());
                s.execute("alter table audit_entry enable trigger audit_entry_append_only");
            }
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void deleting_an_entry_in_the_middle_breaks_the_chain_at_the_following_entry() throws Exception {
        String target = user("gap");
        for (int i = 0; i < 3; i++) {
            audit.record(AuditActor.user("carol"), AuditAction.VIEW, AuditTarget.SUBMISSION, target, Map.of("n", i));
        }
        List<AuditEntry> three = entriesFor(AuditTarget.SUBMISSION, target); // newest first
        AuditEntry middle = three.get(1);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("alter table audit_entry disable trigger audit_entry_append_only");
                s.executeUpdate("delete from audit_entry where id = " + middle.id());
                // the verifier runs in its own transaction: check inside this one with a second walk in SQL
                Long brokenAt = firstEntryNotLinkedToItsPredecessor(c, middle.id());
                assertThat(brokenAt).isEqualTo(three.get(0).id());
            } finally {
                c.rollback();
            }
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    private static Long firstEntryNotLinkedToItsPredecessor(Connection c, long after) throws Exception {
        try (PreparedStatement p = c.prepareStatement("select e.id from audit_entry e join lateral (select entry_hash "
                + "from audit_entry p where p.id < e.id order by p.id desc limit 1) prev on true "
                + "where e.id > ? and e.previous_hash <> prev.entry_hash order by e.id limit 1")) {
            p.setLong(1, after);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }

    @Test
    void concurrent_appends_from_many_threads_keep_one_valid_chain() throws Exception {
        String target = user("concurrent");
        int threads = 8;
        int perThread = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit((Callable<Void>) () -> {
                    for (int i = 0; i < perThread; i++) {
                        audit.record(AuditActor.system("thread-" + thread), AuditAction.VIEW, AuditTarget.FORM,
                                target, Map.of("i", i));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(audit.count(new AuditQuery(null, null, null, null, AuditTarget.FORM, target)))
                .isEqualTo(threads * perThread);
        ChainVerification verification = audit.verify();
        assertThat(verification.intact()).as("first broken: %s", verification.firstBrokenId()).isTrue();
    }

    @Test
    void retention_removes_a_prefix_and_the_rest_of_the_chain_starts_at_the_new_anchor() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly(); // other tests share this database
            audit.record(AuditActor.system("test"), AuditAction.VIEW, AuditTarget.FORM, "before-prune", Map.of());
            List<AuditEntry> before = audit.find(AuditQuery.all(), 0, 1);
            jdbc.execute("select set_config('formularium.audit_prune', 'on', true)");
            jdbc.update("update audit_anchor set min_retention = interval '0'");
            jdbc.execute("select set_config('formularium.audit_prune', 'off', true)");

            long removed = audit.pruneOlderThan(Instant.now().plus(1, ChronoUnit.DAYS));

            // everything before this transaction began is gone (the database's clock: the transaction start)
            assertThat(removed).isGreaterThanOrEqualTo(1);
            List<AuditEntry> after = audit.find(AuditQuery.all(), 0, 10);
            assertThat(after).hasSize(2);
            AuditEntry kept = after.get(1);
            AuditEntry record = after.get(0);
            assertThat(kept.id()).isEqualTo(before.get(0).id());
            assertThat(record.action()).isEqualTo(AuditAction.DELETE);
            assertThat(record.targetType()).isEqualTo(AuditTarget.AUDIT_LOG);
            assertThat(record.details()).containsEntry("removed", Long.toString(removed))
                    .containsEntry("anchorHash", kept.previousHash());
            ChainVerification verification = audit.verify();
            assertThat(verification.intact()).isTrue();
            assertThat(verification.anchorHash()).isEqualTo(kept.previousHash());
            assertThat(verification.anchorId()).isLessThan(kept.id());
            assertThat(verification.checked()).isEqualTo(2);
        });
        assertThat(audit.count(AuditQuery.all())).isGreaterThan(1);
    }

    @Test
    void the_database_keeps_entries_younger_than_its_minimum_retention() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            audit.record(AuditActor.system("test"), AuditAction.VIEW, AuditTarget.FORM, "young", Map.of());
            // the application asks for everything; the database's two-year floor refuses
            assertThat(audit.pruneOlderThan(Instant.now().plus(1, ChronoUnit.DAYS))).isZero();
        });
    }

    @Test
    void a_separate_application_role_may_read_and_append_but_never_change_or_delete() throws Exception {
        String changeset = Files.readString(Path.of("db/changelog/changes/0041-restrict-audit-app-role.yaml"));
        String block = changeset.substring(changeset.indexOf("DO $do$"), changeset.indexOf("$do$;") + 5)
                .replace("${auditAppRole}", "formularium_app_test").replace("${auditRetention}", "P2Y");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = 'formularium_app_test') "
                    + "then create role formularium_app_test; end if; end $$");
            // what operations grant the app role on the application's tables (docs/operations.md)
            s.execute("grant select, insert, update, delete on all tables in schema public to formularium_app_test");
            s.execute("grant usage, select on all sequences in schema public to formularium_app_test");
            s.execute(block);
            c.setAutoCommit(false);
            try {
                s.execute("set local role formularium_app_test");
                s.executeQuery("select count(*) from audit_entry").close();
                assertThatThrownBy(() -> s.executeUpdate("update audit_entry set target_id = 'x' where false"))
                        .hasMessageContaining("permission denied");
            } finally {
                c.rollback();
            }
            try {
                s.execute("set local role formularium_app_test");
                assertThatThrownBy(() -> s.executeUpdate("delete from audit_entry where false"))
                        .hasMessageContaining("permission denied");
            } finally {
                c.rollback();
            }
            try {
                s.execute("set local role formularium_app_test");
                s.executeQuery("select audit_prune(now() - interval '10 years')").close();
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    @Test
    void the_hash_is_sha256_over_the_previous_hash_and_the_canonical_entry() throws Exception {
        Instant at = Instant.parse("2026-01-02T03:04:05.123456Z");
        String canonical = AuditChain.canonical(7, at, AuditActor.user("anna"), AuditAction.VIEW,
                AuditTarget.SUBMISSION, "FM-2026-000001", Map.of("b", "2", "a", "1"));
        assertThat(canonical).isEqualTo("[7,\"2026-01-02T03:04:05.123456Z\",\"USER\",\"anna\",\"anna\",\"VIEW\","
                + "\"SUBMISSION\",\"FM-2026-000001\",{\"a\":\"1\",\"b\":\"2\"}]");
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest((AuditChain.GENESIS + "\n" + canonical).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(AuditChain.hash(AuditChain.GENESIS, 7, at, AuditActor.user("anna"), AuditAction.VIEW,
                AuditTarget.SUBMISSION, "FM-2026-000001", Map.of("a", "1", "b", "2"))).isEqualTo(expected);
    }

}
