package org.formularium.backoffice;

import com.fasterxml.jackson.databind.JsonNode;
import org.formularium.submission.SubmissionAnswers;
import org.formularium.submission.SubmissionStatus;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static org.formularium.jooq.Tables.SUBMISSION;

/**
 * The inbox's queries on table {@code submission}: one page (offset/limit), counts, and a cursor over the
 * whole selection for exports. Every query is restricted to the reader's {@link FormScope}.
 */
@Repository
class InboxRepository {

    private static final Pattern FULL_REFERENCE = Pattern.compile("[A-Z]{2}-\\d{4}-\\d{6}");
    private static final int EXPORT_FETCH_SIZE = 200;

    private final DSLContext dsl;
    private final SubmissionAnswers answers;

    InboxRepository(DSLContext dsl, SubmissionAnswers answers) {
        this.dsl = dsl;
        this.answers = answers;
    }

    /** A submission of the selection with its answers (for exports). */
    record Full(InboxRow row, String language, JsonNode data) {
    }

    List<InboxRow> page(InboxFilter filter, FormScope scope, String me, ZoneId zone, boolean newestFirst,
                        int offset, int limit) {
        return dsl.select(SUBMISSION.ID, SUBMISSION.REFERENCE, SUBMISSION.FORM_KEY, SUBMISSION.FORM_VERSION,
                        SUBMISSION.STATUS, SUBMISSION.SUBMITTED_AT, SUBMISSION.STATUS_CHANGED_AT, SUBMISSION.ASSIGNED_TO,
                        SUBMISSION.DELETION_REASON)
                .from(SUBMISSION)
                .where(condition(filter, scope, me, zone, true))
                .orderBy(order(newestFirst))
                .offset(offset).limit(limit)
                .fetch(this::toRow);
    }

    /** PostgreSQL's plan for {@link #page} (to check that the inbox's indexes are used). */
    String explainPage(InboxFilter filter, FormScope scope, String me, ZoneId zone, int limit) {
        return dsl.explain(dsl.select(SUBMISSION.ID, SUBMISSION.REFERENCE, SUBMISSION.FORM_KEY, SUBMISSION.FORM_VERSION,
                        SUBMISSION.STATUS, SUBMISSION.SUBMITTED_AT, SUBMISSION.STATUS_CHANGED_AT, SUBMISSION.ASSIGNED_TO,
                        SUBMISSION.DELETION_REASON)
                .from(SUBMISSION)
                .where(condition(filter, scope, me, zone, true))
                .orderBy(order(true))
                .offset(0).limit(limit)).plan();
    }

    int count(InboxFilter filter, FormScope scope, String me, ZoneId zone) {
        return dsl.fetchCount(SUBMISSION, condition(filter, scope, me, zone, true));
    }

    /** Counts per status for the filter without its status criterion. */
    Map<SubmissionStatus, Integer> countsByStatus(InboxFilter filter, FormScope scope, String me, ZoneId zone) {
        Map<SubmissionStatus, Integer> counts = new EnumMap<>(SubmissionStatus.class);
        for (SubmissionStatus status : SubmissionStatus.values()) {
            counts.put(status, 0);
        }
        dsl.select(SUBMISSION.STATUS, DSL.count()).from(SUBMISSION)
                .where(condition(filter, scope, me, zone, false))
                .groupBy(SUBMISSION.STATUS)
                .forEach(r -> counts.put(SubmissionStatus.valueOf(r.value1()), r.value2()));
        return counts;
    }

    /** Walks the selection with a database cursor; only one fetch batch is held in memory at a time. */
    void forEach(InboxFilter filter, FormScope scope, String me, ZoneId zone, Consumer<Full> consumer) {
        try (Cursor<? extends Record> cursor = dsl.select(SUBMISSION.ID, SUBMISSION.REFERENCE, SUBMISSION.FORM_KEY,
                        SUBMISSION.FORM_VERSION, SUBMISSION.STATUS, SUBMISSION.SUBMITTED_AT,
                        SUBMISSION.STATUS_CHANGED_AT, SUBMISSION.ASSIGNED_TO, SUBMISSION.DELETION_REASON, SUBMISSION.LANGUAGE,
                        SUBMISSION.DATA_ENCRYPTED,
                        SUBMISSION.DATA)
                .from(SUBMISSION)
                .where(condition(filter, scope, me, zone, true))
                .orderBy(order(true))
                .fetchSize(EXPORT_FETCH_SIZE)
                .fetchLazy()) {
            for (Record r : cursor) {
                consumer.accept(new Full(toRow(r), r.get(SUBMISSION.LANGUAGE), answers.open(r.get(SUBMISSION.REFERENCE),
                        r.get(SUBMISSION.DATA_ENCRYPTED), r.get(SUBMISSION.DATA) == null ? null : r.get(SUBMISSION.DATA).data())));
            }
        }
    }

    private static List<SortField<?>> order(boolean newestFirst) {
        return newestFirst ? List.of(SUBMISSION.SUBMITTED_AT.desc(), SUBMISSION.ID.desc())
                : List.of(SUBMISSION.SUBMITTED_AT.asc(), SUBMISSION.ID.asc());
    }

    private static Condition condition(InboxFilter filter, FormScope scope, String me, ZoneId zone,
                                       boolean withStatus) {
        List<Condition> conditions = new ArrayList<>();
        if (!scope.all()) {
            conditions.add(scope.formKeys().isEmpty() ? DSL.falseCondition() : SUBMISSION.FORM_KEY.in(scope.formKeys()));
        }
        if (filter.formKey() != null && !filter.formKey().isBlank()) {
            conditions.add(SUBMISSION.FORM_KEY.eq(filter.formKey()));
        }
        if (withStatus && filter.status() != null) {
            conditions.add(SUBMISSION.STATUS.eq(filter.status().name()));
        }
        if (filter.from() != null) {
            conditions.add(SUBMISSION.SUBMITTED_AT.ge(filter.from().atStartOfDay(zone).toOffsetDateTime()));
        }
        if (filter.to() != null) {
            conditions.add(SUBMISSION.SUBMITTED_AT.lt(filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        }
        switch (filter.assignment()) {
            case MINE -> conditions.add(SUBMISSION.ASSIGNED_TO.eq(me));
            case UNASSIGNED -> conditions.add(SUBMISSION.ASSIGNED_TO.isNull());
            case ANY -> { }
        }
        if (filter.reference() != null && !filter.reference().isBlank()) {
            String reference = filter.reference().strip().toUpperCase(java.util.Locale.ROOT);
            conditions.add(FULL_REFERENCE.matcher(reference).matches() ? SUBMISSION.REFERENCE.eq(reference)
                    : SUBMISSION.REFERENCE.likeIgnoreCase("%" + escapeLike(reference) + "%", '!'));
        }
        filter.fields().forEach((key, text) -> {
            if (text != null && !text.isBlank()) {
                // only indexed answers are searchable: they are the only ones stored in clear
                conditions.add(DSL.jsonbGetAttributeAsText(SUBMISSION.INDEXED_DATA, key)
                        .likeIgnoreCase("%" + escapeLike(text.strip()) + "%", '!'));
            }
        });
        return DSL.and(conditions);
    }

    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private InboxRow toRow(Record r) {
        return new InboxRow(r.get(SUBMISSION.ID), r.get(SUBMISSION.REFERENCE), r.get(SUBMISSION.FORM_KEY),
                r.get(SUBMISSION.FORM_VERSION), SubmissionStatus.valueOf(r.get(SUBMISSION.STATUS)),
                r.get(SUBMISSION.SUBMITTED_AT), r.get(SUBMISSION.STATUS_CHANGED_AT), r.get(SUBMISSION.ASSIGNED_TO),
                r.get(SUBMISSION.DELETION_REASON));
    }
}
