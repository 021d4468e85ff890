package org.formularium.builder.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.formularium.builder.FormImports;
import org.formularium.fim.ReportEntry;

import java.util.List;
import java.util.Locale;

/**
 * The mapping report of a FIM import: what blocks publishing (the validator's problems), then every report
 * entry grouped by level (action required first), each with its FIM id. The importer writes German sentences;
 * they are marked as German.
 */
class FimReport extends Section {

    static final String LEVEL_PREFIX = "builder.fim.level.";

    final H2 heading = new H2();
    final String formKey;

    FimReport(FormImports.FimDraft result) {
        addClassName("fim-report");
        String key = result.draft().formKey();
        this.formKey = key;
        heading.setText(getTranslation("builder.fim.report.title", key));
        heading.getElement().setAttribute("tabindex", "-1");
        heading.setId("fim-report-heading");
        getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        long actions = result.report().stream().filter(e -> e.level() == ReportEntry.Level.ACTION_REQUIRED).count();
        Paragraph summary = new Paragraph(getTranslation("builder.fim.report.summary", result.draft().number(),
                result.report().size(), actions));
        summary.add(" ");
        summary.add(new Anchor("builder/" + key, getTranslation("builder.openEditor", key)));
        add(heading, summary);
        if (result.problems().isEmpty()) {
            add(new Paragraph(getTranslation("builder.fim.report.publishable")));
        } else {
            H3 blocking = new H3(getTranslation("builder.fim.report.blocking", result.problems().size()));
            blocking.addClassName("report-blocking");
            add(blocking, new Paragraph(getTranslation("builder.fim.report.blocking.help")),
                    BuilderSupport.problemList(this, result.problems()));
        }
        for (ReportEntry.Level level : List.of(ReportEntry.Level.ACTION_REQUIRED, ReportEntry.Level.WARNING,
                ReportEntry.Level.INFO)) {
            List<ReportEntry> entries = result.report().stream().filter(e -> e.level() == level).toList();
            if (entries.isEmpty()) {
                continue;
            }
            add(new H3(getTranslation(LEVEL_PREFIX + level.name() + ".heading", entries.size())));
            UnorderedList list = new UnorderedList();
            list.addClassName("report-" + level.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            for (ReportEntry entry : entries) {
                Span badge = new Span(getTranslation(LEVEL_PREFIX + level.name()) + ": ");
                badge.addClassName("report-level");
                Span message = new Span(entry.message());
                message.getElement().setAttribute("lang", "de");
                ListItem item = new ListItem(badge, message);
                if (!entry.fimId().isEmpty()) {
                    item.add(new Span(" " + getTranslation("builder.fim.fimId", entry.fimId())));
                }
                list.add(item);
            }
            add(list);
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        heading.getElement().executeJs("this.focus()");
    }
}
