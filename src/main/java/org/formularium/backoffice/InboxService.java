package org.formularium.backoffice;

import org.formularium.definition.model.GroupElement;
import org.formularium.definition.model.InputElement;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.FormSummary;
import org.formularium.submission.SubmissionStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The clerk's inbox: pages of the submissions of the forms the signed-in clerk is responsible for (all for
 * administrators), filtered and counted in the database.
 */
@Service
public class InboxService {

    /** Upper bound of one page, whatever the caller asks for. */
    public static final int MAX_PAGE_SIZE = 500;

    private final InboxRepository repository;
    private final ResponsibilityService responsibilities;
    private final ClerkContext clerks;
    private final FormService forms;
    private final Clock clock;

    InboxService(InboxRepository repository, ResponsibilityService responsibilities, ClerkContext clerks,
                 FormService forms, Clock clock) {
        this.repository = repository;
        this.responsibilities = responsibilities;
        this.clerks = clerks;
        this.forms = forms;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<InboxRow> page(InboxFilter filter, boolean newestFirst, int offset, int limit) {
        Clerk clerk = clerks.current();
        return repository.page(checked(filter), responsibilities.scopeOf(clerk), clerk.username(), clock.getZone(),
                newestFirst, Math.max(0, offset), Math.max(0, Math.min(limit, MAX_PAGE_SIZE)));
    }

    @Transactional(readOnly = true)
    public int count(InboxFilter filter) {
        Clerk clerk = clerks.current();
        return repository.count(checked(filter), responsibilities.scopeOf(clerk), clerk.username(), clock.getZone());
    }

    /** How many submissions of the selection (ignoring its status criterion) are in each status. */
    @Transactional(readOnly = true)
    public Map<SubmissionStatus, Integer> countsByStatus(InboxFilter filter) {
        Clerk clerk = clerks.current();
        return repository.countsByStatus(checked(filter), responsibilities.scopeOf(clerk), clerk.username(),
                clock.getZone());
    }

    /** The forms whose submissions the signed-in user may read, in title order. */
    @Transactional(readOnly = true)
    public List<FormSummary> forms() {
        FormScope scope = responsibilities.scopeOf(clerks.current());
        return forms.allForms().stream().filter(f -> scope.includes(f.key()) && f.latestPublished() != null)
                .sorted(java.util.Comparator.comparing(FormSummary::title, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The searchable answers ({@code indexed: true}, outside repeating groups) of a form's newest version. */
    @Transactional(readOnly = true)
    public List<IndexedField> indexedFields(String formKey) {
        if (formKey == null || !responsibilities.scopeOf(clerks.current()).includes(formKey)) {
            return List.of();
        }
        return forms.latestPublished(formKey).map(form -> form.definition().formScopeElements().stream()
                        .filter(e -> e instanceof InputElement input && input.indexedOrFalse()
                                && !(e instanceof GroupElement))
                        .map(e -> new IndexedField(e.key(), ((InputElement) e).label()))
                        .toList())
                .orElse(List.of());
    }

    /** The filter with only those answer criteria that name an indexed field of the chosen form. */
    InboxFilter checked(InboxFilter filter) {
        if (filter.fields().isEmpty()) {
            return filter;
        }
        Set<String> allowed = indexedFields(filter.formKey()).stream().map(IndexedField::key)
                .collect(Collectors.toSet());
        Map<String, String> fields = new LinkedHashMap<>();
        filter.fields().forEach((key, value) -> {
            if (allowed.contains(key)) {
                fields.put(key, value);
            }
        });
        return filter.withFields(fields);
    }
}
