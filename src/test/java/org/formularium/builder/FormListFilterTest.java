package org.formularium.builder;

import org.formularium.definition.store.FormStatus;
import org.formularium.definition.store.FormSummary;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FormListFilterTest {

    private static final FormSummary PUBLISHED = form("fischereischein", FormStatus.ACTIVE, "Fischereischein", "Fishing licence", 2, null);
    private static final FormSummary DRAFT_ONLY = form("neu", FormStatus.ACTIVE, "Neues Formular", null, null, 1);
    private static final FormSummary ARCHIVED = form("alt", FormStatus.ARCHIVED, "Altes Formular", null, 3, 4);
    private static final List<FormSummary> ALL = List.of(PUBLISHED, DRAFT_ONLY, ARCHIVED);

    private static FormSummary form(String key, FormStatus status, String title, String titleEn, Integer published, Integer draft) {
        return new FormSummary(key, status, title, titleEn, published, draft, OffsetDateTime.now(), "designer");
    }

    @Test
    void by_default_only_active_forms_are_shown() {
        assertThat(new FormListFilter(null, null).apply(ALL)).containsExactly(PUBLISHED, DRAFT_ONLY);
    }

    @Test
    void each_status_filter_selects_its_forms() {
        assertThat(new FormListFilter("", FormListFilter.Show.ARCHIVED).apply(ALL)).containsExactly(ARCHIVED);
        assertThat(new FormListFilter("", FormListFilter.Show.WITH_DRAFT).apply(ALL)).containsExactly(DRAFT_ONLY, ARCHIVED);
        assertThat(new FormListFilter("", FormListFilter.Show.PUBLISHED).apply(ALL)).containsExactly(PUBLISHED);
        assertThat(new FormListFilter("", FormListFilter.Show.ALL).apply(ALL)).containsExactly(PUBLISHED, DRAFT_ONLY, ARCHIVED);
    }

    @Test
    void search_looks_in_key_and_both_titles_ignoring_case() {
        assertThat(new FormListFilter("FISCH", FormListFilter.Show.ALL).apply(ALL)).containsExactly(PUBLISHED);
        assertThat(new FormListFilter(" licence ", FormListFilter.Show.ALL).apply(ALL)).containsExactly(PUBLISHED);
        assertThat(new FormListFilter("formular", FormListFilter.Show.ALL).apply(ALL)).containsExactly(DRAFT_ONLY, ARCHIVED);
        assertThat(new FormListFilter("formular", FormListFilter.Show.ACTIVE).apply(ALL)).containsExactly(DRAFT_ONLY);
        assertThat(new FormListFilter("nichts", FormListFilter.Show.ALL).apply(ALL)).isEmpty();
    }
}
