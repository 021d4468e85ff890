package org.formularium.backoffice;

import org.formularium.submission.SubmissionStatus;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the inbox shows; every criterion is optional ({@code null}, blank or empty: no restriction).
 *
 * @param formKey    only this form
 * @param status     only this status
 * @param from       submitted on or after this day
 * @param to         submitted on or before this day
 * @param assignment everything, assigned to me, or unassigned
 * @param reference  the reference number (or a part of it)
 * @param fields     text the form's {@code indexed} answers must contain, by element key (needs a form)
 */
public record InboxFilter(String formKey, SubmissionStatus status, LocalDate from, LocalDate to,
                          Assignment assignment, String reference, Map<String, String> fields) {

    public static final InboxFilter ALL = new InboxFilter(null, null, null, null, Assignment.ANY, null, Map.of());

    public InboxFilter {
        assignment = assignment == null ? Assignment.ANY : assignment;
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    public InboxFilter withStatus(SubmissionStatus newStatus) {
        return new InboxFilter(formKey, newStatus, from, to, assignment, reference, fields);
    }

    public InboxFilter withForm(String newFormKey) {
        return new InboxFilter(newFormKey, status, from, to, assignment, reference, fields);
    }

    public InboxFilter withAssignment(Assignment newAssignment) {
        return new InboxFilter(formKey, status, from, to, newAssignment, reference, fields);
    }

    public InboxFilter withReference(String newReference) {
        return new InboxFilter(formKey, status, from, to, assignment, newReference, fields);
    }

    public InboxFilter withDates(LocalDate newFrom, LocalDate newTo) {
        return new InboxFilter(formKey, status, newFrom, newTo, assignment, reference, fields);
    }

    public InboxFilter withFields(Map<String, String> newFields) {
        return new InboxFilter(formKey, status, from, to, assignment, reference, newFields);
    }

    /** Who a submission is assigned to. */
    public enum Assignment {
        ANY, MINE, UNASSIGNED
    }
}
