package org.formularium.privacy;

import org.formularium.definition.model.Privacy;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.FormSummary;
import org.formularium.definition.store.FormVersionInfo;
import org.formularium.definition.store.VersionStatus;
import org.formularium.submission.DeletionReason;
import org.formularium.submission.SubmissionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Storage limitation (Art. 5 (1) e GDPR): submissions are kept for their form's retention period
 * ({@code privacy.retentionDays}, else {@code formularium.retention.submissions-after-close}, default 365 days)
 * after they were decided (approved, rejected or closed — the time of their last status change); then their
 * answers, documents, files and notes are deleted and a tombstone stays ("deleted by retention"). Drafts are
 * deleted when they expire. The job runs on a schedule and on an admin's request; an advisory lock lets only
 * one run work at a time across all instances, and a scheduled run is skipped when another instance has just
 * done it. The dry-run report shows what a run would delete now.
 */
@Service
public class RetentionService {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionService.class);
    /** A submission's retention starts when it reaches one of these statuses. */
    public static final Set<SubmissionStatus> DECIDED = EnumSet.of(SubmissionStatus.APPROVED, SubmissionStatus.REJECTED,
            SubmissionStatus.CLOSED);
    static final List<String> DECIDED_NAMES = DECIDED.stream().map(Enum::name).toList();
    public static final String SYSTEM_ACTOR = "system";

    private final PersonalDataRepository data;
    private final PrivacyLogRepository log;
    private final FormService forms;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration defaultRetention;
    private final Duration scheduledGap;

    @Autowired
    RetentionService(PersonalDataRepository data, PrivacyLogRepository log, FormService forms,
                     TransactionTemplate transactions, Clock clock,
                     @Value("${formularium.retention.submissions-after-close:365d}") Duration defaultRetention,
                     @Value("${formularium.retention.scheduled-gap:PT12H}") Duration scheduledGap) {
        this.data = data;
        this.log = log;
        this.forms = forms;
        this.transactions = transactions;
        this.clock = clock;
        this.defaultRetention = defaultRetention;
        this.scheduledGap = scheduledGap;
    }

    /** What a run would delete for one form. */
    public record FormDue(String formKey, String title, long retentionDays, boolean defaultRetention,
                          int submissions, OffsetDateTime oldestDecidedAt, int drafts, OffsetDateTime oldestDraftExpiry) {
    }

    /** The dry run: what a run at {@code at} would delete, per form. */
    public record Report(OffsetDateTime at, List<FormDue> forms) {

        public int submissions() {
            return forms.stream().mapToInt(FormDue::submissions).sum();
        }

        public int drafts() {
            return forms.stream().mapToInt(FormDue::drafts).sum();
        }

        public Optional<FormDue> form(String formKey) {
            return forms.stream().filter(f -> f.formKey().equals(formKey)).findFirst();
        }
    }

    /** A run's outcome: empty when another run was working at the same time (nothing was done). */
    public record Outcome(Optional<RetentionRun> run, Map<String, List<String>> deletedReferences) {

        public boolean ran() {
            return run.isPresent();
        }
    }

    /** The dry run: nothing is changed. */
    public Report report() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return transactions.execute(s -> plan(now));
    }

    /** The retention period of the form's submissions after their decision. */
    public Duration retentionOf(String formKey) {
        return configured(formKey).map(Duration::ofDays).orElse(defaultRetention);
    }

    /** Runs now (an admin's "run now", or the schedule). */
    public Outcome run(RetentionRun.Kind kind, String actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Outcome outcome = transactions.execute(s -> {
            if (!data.tryRetentionLock()) {
                return new Outcome(Optional.empty(), Map.of());
            }
            if (kind == RetentionRun.Kind.SCHEDULED && log.lastRun(RetentionRun.Kind.SCHEDULED)
                    .filter(last -> last.startedAt().isAfter(now.minus(scheduledGap))).isPresent()) {
                return new Outcome(Optional.empty(), Map.of());
            }
            Map<String, List<String>> deleted = new java.util.LinkedHashMap<>();
            int submissions = 0;
            for (FormDue due : plan(now).forms()) {
                if (due.submissions() == 0) {
                    continue;
                }
                OffsetDateTime cutoff = now.minus(retentionOf(due.formKey()));
                List<Long> ids = data.decidedIdsBefore(due.formKey(), DECIDED_NAMES, cutoff);
                List<Long> tombstones = data.tombstone(ids, DeletionReason.RETENTION, now);
                submissions += tombstones.size();
                if (!tombstones.isEmpty()) {
                    deleted.put(due.formKey(), new ArrayList<>(new TreeSet<>(data.references(tombstones).values())));
                }
            }
            int drafts = data.deleteExpiredDrafts(now);
            RetentionRun run = log.insertRun(kind, actor, now, OffsetDateTime.now(clock), submissions, drafts);
            return new Outcome(Optional.of(run), deleted);
        });
        outcome.run().filter(r -> r.submissionsDeleted() + r.draftsDeleted() > 0).ifPresent(r ->
                LOG.info("Retention run {} ({}): {} submission(s) reduced to tombstones, {} expired draft(s) deleted",
                        r.id(), r.kind(), r.submissionsDeleted(), r.draftsDeleted()));
        return outcome;
    }

    /** Once a day by default ({@code formularium.retention.cron}); only one instance does the work. */
    @Scheduled(cron = "${formularium.retention.cron:0 30 2 * * *}")
    public void scheduled() {
        run(RetentionRun.Kind.SCHEDULED, SYSTEM_ACTOR);
    }

    /** The newest run of any kind. */
    public Optional<RetentionRun> lastRun() {
        return transactions.execute(s -> log.lastRun(null));
    }

    private Report plan(OffsetDateTime now) {
        Map<String, FormSummary> summaries = forms.allForms().stream()
                .collect(Collectors.toMap(FormSummary::key, Function.identity(), (a, b) -> a));
        Map<String, PersonalDataRepository.Due> drafts = data.expiredDrafts(now);
        Set<String> keys = new TreeSet<>(drafts.keySet());
        keys.addAll(data.formsWithDecided(DECIDED_NAMES));
        List<FormDue> result = new ArrayList<>();
        for (String key : keys) {
            Optional<Integer> configured = configured(key);
            Duration retention = configured.map(Duration::ofDays).orElse(defaultRetention);
            PersonalDataRepository.Due submissions = data.decidedBefore(key, DECIDED_NAMES, now.minus(retention));
            PersonalDataRepository.Due expired = drafts.getOrDefault(key, new PersonalDataRepository.Due(0, null));
            if (submissions.count() + expired.count() == 0) {
                continue;
            }
            FormSummary summary = summaries.get(key);
            result.add(new FormDue(key, summary == null ? key : summary.title(), retention.toDays(),
                    configured.isEmpty(), submissions.count(), submissions.oldest(), expired.count(), expired.oldest()));
        }
        result.sort(Comparator.comparing(FormDue::title, String.CASE_INSENSITIVE_ORDER).thenComparing(FormDue::formKey));
        return new Report(now, List.copyOf(result));
    }

    /** {@code privacy.retentionDays} of the form's newest published (or archived) version. */
    private Optional<Integer> configured(String formKey) {
        return forms.versions(formKey).stream()
                .filter(v -> v.status() != VersionStatus.DRAFT)
                .max(Comparator.comparingInt(FormVersionInfo::number))
                .flatMap(v -> forms.published(formKey, v.number()))
                .map(f -> f.definition().privacy())
                .map(Privacy::retentionDays)
                .filter(days -> days > 0);
    }
}
