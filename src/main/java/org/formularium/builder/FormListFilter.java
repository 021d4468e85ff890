package org.formularium.builder;

import org.formularium.definition.store.FormStatus;
import org.formularium.definition.store.FormSummary;

import java.util.List;
import java.util.Locale;

/**
 * What the designers' form list shows: a search text (in key and titles, case-insensitive) and one of the
 * status filters.
 */
public record FormListFilter(String search, Show show) {

    /** Which forms the list shows. */
    public enum Show {
        /** Forms in use (not archived). */
        ACTIVE,
        /** Archived forms. */
        ARCHIVED,
        /** Forms with an open draft. */
        WITH_DRAFT,
        /** Active forms with at least one published version. */
        PUBLISHED,
        /** Every form. */
        ALL
    }

    public FormListFilter {
        search = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        show = show == null ? Show.ACTIVE : show;
    }

    public boolean matches(FormSummary form) {
        boolean status = switch (show) {
            case ACTIVE -> form.status() == FormStatus.ACTIVE;
            case ARCHIVED -> form.status() == FormStatus.ARCHIVED;
            case WITH_DRAFT -> form.draftNumber() != null;
            case PUBLISHED -> form.status() == FormStatus.ACTIVE && form.latestPublished() != null;
            case ALL -> true;
        };
        return status && (search.isEmpty() || contains(form.key()) || contains(form.title()) || contains(form.titleEn()));
    }

    public List<FormSummary> apply(List<FormSummary> forms) {
        return forms.stream().filter(this::matches).toList();
    }

    private boolean contains(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(search);
    }
}
