package org.formularium.backoffice.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import org.formularium.backoffice.CaseService;
import org.formularium.backoffice.ConcurrentChangeException;
import org.formularium.backoffice.HistoryEntry;
import org.formularium.backoffice.Note;
import org.formularium.backoffice.ReviewRefusedException;
import org.formularium.backoffice.ReviewService;
import org.formularium.backoffice.SubmissionCase;
import org.formularium.backoffice.SubmissionNotFoundException;
import org.formularium.definition.DisplayFormat;
import org.formularium.definition.outline.AnswerOutline;
import org.formularium.definition.outline.OutlineAnswer;
import org.formularium.definition.outline.OutlineEntry;
import org.formularium.definition.outline.OutlineGroup;
import org.formularium.definition.outline.OutlineItem;
import org.formularium.definition.outline.OutlinePage;
import org.formularium.definition.outline.OutlineSection;
import org.formularium.security.Role;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;
import org.formularium.submission.StoredAttachment;
import org.formularium.submission.SubmissionStatus;

import java.io.ByteArrayInputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * One submission in the back office: overview, review actions (status, assignment), the answers as laid out
 * in the form, documents and attachments, history and internal notes. A reference outside the clerk's forms
 * shows the same "not found" page as one that does not exist.
 */
@Route(value = "backoffice/:reference", layout = MainLayout.class)
@RolesAllowed({Role.CLERK_NAME, Role.ADMIN_NAME})
public class SubmissionView extends ViewSupport implements BeforeEnterObserver {

    static final String REFERENCE = "reference";
    private static final String REFUSED_KEY_PREFIX = "backoffice.refused.";

    private final transient CaseService cases;
    private final transient ReviewService reviews;
    private String reference;
    SubmissionCase current;

    final Div alert = new Div();
    final Select<SubmissionStatus> nextStatus = new Select<>();
    final TextArea comment = new TextArea();
    final TextArea publicComment = new TextArea();
    final Button changeStatus = new Button();
    final Button assignToMe = new Button();
    final ComboBox<String> colleague = new ComboBox<>();
    final Button assignToColleague = new Button();
    final Button unassign = new Button();
    final TextArea noteText = new TextArea();
    final Button addNote = new Button();

    public SubmissionView(CaseService cases, ReviewService reviews) {
        this.cases = cases;
        this.reviews = reviews;
        nextStatus.setLabel(getTranslation("backoffice.detail.nextStatus"));
        nextStatus.setItemLabelGenerator(s -> UiFormats.status(this, s));
        comment.setLabel(getTranslation("backoffice.detail.comment"));
        comment.setHelperText(getTranslation("backoffice.detail.comment.hint"));
        comment.setMaxLength(ReviewService.COMMENT_MAX_LENGTH);
        comment.setManualValidation(true);
        publicComment.setLabel(getTranslation("backoffice.detail.publicComment"));
        publicComment.setHelperText(getTranslation("backoffice.detail.publicComment.hint"));
        publicComment.setMaxLength(ReviewService.COMMENT_MAX_LENGTH);
        changeStatus.setText(getTranslation("backoffice.detail.changeStatus"));
        changeStatus.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        changeStatus.addClickListener(e -> changeStatus());
        assignToMe.setText(getTranslation("backoffice.detail.assignToMe"));
        assignToMe.addClickListener(e -> assignToMe());
        colleague.setLabel(getTranslation("backoffice.detail.colleague"));
        assignToColleague.setText(getTranslation("backoffice.detail.assign"));
        assignToColleague.addClickListener(e -> {
            if (colleague.getValue() != null) {
                assign(colleague.getValue());
            }
        });
        unassign.setText(getTranslation("backoffice.detail.unassign"));
        unassign.addClickListener(e -> assign(null));
        noteText.setLabel(getTranslation("backoffice.detail.note.new"));
        noteText.setMaxLength(Note.MAX_LENGTH);
        noteText.setManualValidation(true);
        addNote.setText(getTranslation("backoffice.detail.note.add"));
        addNote.addClickListener(e -> addNote());
        alert.addClassName("backoffice-alert");
        alert.getElement().setAttribute("role", "alert");
        addClassName("submission-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reference = event.getRouteParameters().get(REFERENCE).orElse("");
        Optional<SubmissionCase> found = cases.view(reference);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        current = found.get();
        render();
    }

    /** Reads the submission again and draws everything anew (after an action or on "reload"). */
    void reload() {
        Optional<SubmissionCase> found = cases.find(reference);
        if (found.isEmpty()) {
            removeAll();
            add(new H1(getTranslation("error.notFound.title")), new Paragraph(getTranslation("error.notFound.text")));
            return;
        }
        current = found.get();
        render();
    }

    private void render() {
        removeAll();
        Locale locale = getLocale();
        H1 heading = new H1(getTranslation("backoffice.detail.heading", current.reference()));
        heading.getElement().setAttribute("tabindex", "-1");
        heading.addClassName("view-heading");
        RouterLink back = new RouterLink(getTranslation("backoffice.detail.back"), InboxView.class);
        alert.removeAll();
        alert.setVisible(false);
        AnswerOutline outline = cases.outline(current, locale);
        if (current.deleted()) {
            Paragraph gone = new Paragraph(getTranslation("backoffice.detail.deleted",
                    UiFormats.deletion(this, current.deletionReason()), UiFormats.dateTime(current.deletedAt(), locale)));
            gone.addClassName("case-deleted");
            add(back, heading, alert, overview(outline), gone, history());
            return;
        }
        add(back, heading, alert, overview(outline), actions(), answers(outline), documents(), history(), notes());
    }

    private Section overview(AnswerOutline outline) {
        Locale locale = getLocale();
        DescriptionList list = new DescriptionList();
        term(list, "backoffice.column.form", outline.title());
        term(list, "backoffice.column.version", String.valueOf(current.formVersion()));
        term(list, "backoffice.column.submittedAt", UiFormats.dateTime(current.submittedAt(), locale));
        term(list, "backoffice.column.status", current.deleted() ? UiFormats.deletion(this, current.deletionReason())
                : UiFormats.status(this, current.status()));
        term(list, "backoffice.column.statusChangedAt", UiFormats.dateTime(current.statusChangedAt(), locale));
        term(list, "backoffice.column.assignedTo",
                current.assignedTo() == null ? getTranslation("backoffice.unassigned") : current.assignedTo());
        list.addClassName("case-overview");
        return section("case-overview-section", "backoffice.detail.overview", list);
    }

    private Section actions() {
        Section section = section("case-actions", "backoffice.detail.actions");
        List<SubmissionStatus> targets = ReviewService.allowedTargets(current.status()).stream()
                .sorted(Comparator.comparing(Enum::ordinal)).toList();
        if (targets.isEmpty()) {
            section.add(new Paragraph(getTranslation("backoffice.detail.final")));
        } else {
            nextStatus.setItems(targets);
            nextStatus.setValue(targets.get(0));
            comment.clear();
            comment.setInvalid(false);
            publicComment.clear();
            Div statusForm = new Div(nextStatus, comment, publicComment, changeStatus);
            statusForm.addClassName("case-status-form");
            section.add(statusForm);
        }
        H3 assignment = new H3(getTranslation("backoffice.detail.assignment"));
        colleague.setItems(cases.colleagues(current.reference()));
        colleague.clear();
        unassign.setEnabled(current.assignedTo() != null);
        Div assignForm = new Div(assignToMe, colleague, assignToColleague, unassign);
        assignForm.addClassName("case-assign-form");
        section.add(assignment, assignForm);
        return section;
    }

    private Section answers(AnswerOutline outline) {
        Section section = section("case-answers", "backoffice.detail.answers");
        for (OutlinePage page : outline.pages()) {
            section.add(new H3(page.title()));
            entries(section, page.entries(), 4);
        }
        return section;
    }

    private void entries(HasComponents container, List<OutlineEntry> entries, int level) {
        DescriptionList list = null;
        for (OutlineEntry entry : entries) {
            if (entry instanceof OutlineAnswer answer) {
                if (list == null) {
                    list = new DescriptionList();
                    list.addClassName("case-answers-list");
                    container.add(list);
                }
                DescriptionList.Description value = new DescriptionList.Description(answer.answered()
                        ? answer.displayValue() : getTranslation("backoffice.detail.unanswered"));
                value.addClassName("case-answer-value");
                list.add(new DescriptionList.Term(answer.label()), value);
            } else if (entry instanceof OutlineSection sub) {
                list = null;
                container.add(headingOf(level, sub.title()));
                entries(container, sub.entries(), level + 1);
            } else if (entry instanceof OutlineGroup group) {
                list = null;
                container.add(headingOf(level, group.label()));
                if (group.items().isEmpty()) {
                    container.add(new Paragraph(getTranslation("backoffice.detail.noItems")));
                }
                for (OutlineItem item : group.items()) {
                    container.add(headingOf(level + 1, item.label()));
                    entries(container, item.entries(), level + 2);
                }
            }
        }
    }

    private static Component headingOf(int level, String text) {
        if (level <= 4) {
            return new H4(text);
        }
        Div heading = new Div(new Span(text));
        heading.getElement().setAttribute("role", "heading");
        heading.getElement().setAttribute("aria-level", String.valueOf(Math.min(level, 6)));
        heading.addClassName("case-subheading");
        return heading;
    }

    private Section documents() {
        Section section = section("case-documents", "backoffice.detail.documents");
        String ref = current.reference();
        UnorderedList links = new UnorderedList();
        if (cases.document(ref, "pdf").isPresent()) {
            Anchor view = new Anchor(documentResource("pdf", "application/pdf", true),
                    getTranslation("backoffice.detail.pdf.view"));
            view.setTarget("_blank");
            links.add(new ListItem(view));
            links.add(new ListItem(download(documentResource("pdf", "application/pdf", false),
                    getTranslation("backoffice.detail.pdf.download"))));
        }
        if (cases.document(ref, "json").isPresent()) {
            links.add(new ListItem(download(documentResource("json", "application/json", false),
                    getTranslation("backoffice.detail.json.download"))));
        }
        if (cases.document(ref, "xml").isPresent()) {
            links.add(new ListItem(download(documentResource("xml", "application/xml", false),
                    getTranslation("backoffice.detail.xml.download"))));
        }
        if (links.getChildren().findAny().isEmpty()) {
            section.add(new Paragraph(getTranslation("backoffice.detail.documents.pending")));
        } else {
            section.add(links);
        }
        List<StoredAttachment> files = cases.attachments(ref);
        section.add(new H3(getTranslation("backoffice.detail.attachments")));
        if (files.isEmpty()) {
            section.add(new Paragraph(getTranslation("backoffice.detail.attachments.none")));
        } else {
            UnorderedList attachments = new UnorderedList();
            for (StoredAttachment file : files) {
                attachments.add(new ListItem(download(attachmentResource(file),
                        getTranslation("backoffice.detail.attachment.download", file.name(),
                                DisplayFormat.fileSize(file.size(), getLocale())))));
            }
            section.add(attachments);
        }
        return section;
    }

    private StreamResource documentResource(String kind, String mediaType, boolean inline) {
        String ref = current.reference();
        StreamResource resource = new StreamResource(ref + "." + kind, () ->
                new ByteArrayInputStream(cases.downloadDocument(ref, kind).orElseThrow(() -> new SubmissionNotFoundException(ref))));
        resource.setContentType(mediaType);
        if (inline) {
            resource.setHeader("Content-Disposition", "inline; filename=\"" + ref + "." + kind + "\"");
        }
        return resource;
    }

    private StreamResource attachmentResource(StoredAttachment file) {
        String ref = current.reference();
        UUID id = file.id();
        StreamResource resource = new StreamResource(file.name(), () ->
                new ByteArrayInputStream(cases.downloadAttachment(ref, id).orElseThrow(() -> new SubmissionNotFoundException(ref))));
        resource.setContentType(file.mediaType());
        return resource;
    }

    private static Anchor download(StreamResource resource, String text) {
        Anchor anchor = new Anchor(resource, text);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    private Section history() {
        Section section = section("case-history", "backoffice.detail.history");
        List<HistoryEntry> entries = cases.history(current.reference());
        NativeTable table = new NativeTable();
        table.setCaptionText(getTranslation("backoffice.detail.history.caption"));
        NativeTableRow head = table.getHead().addRow();
        for (String key : List.of("backoffice.history.at", "backoffice.history.actor", "backoffice.history.change",
                "backoffice.history.comment", "backoffice.history.publicComment")) {
            head.addHeaderCell().setText(getTranslation(key));
        }
        head.getHeaderCells().forEach(cell -> cell.getElement().setAttribute("scope", "col"));
        NativeTableRow received = table.getBody().addRow();
        received.addDataCell().setText(UiFormats.dateTime(current.submittedAt(), getLocale()));
        received.addDataCell().setText("");
        received.addDataCell().setText(UiFormats.status(this, SubmissionStatus.RECEIVED));
        received.addDataCell().setText("");
        received.addDataCell().setText("");
        for (HistoryEntry entry : entries) {
            NativeTableRow row = table.getBody().addRow();
            row.addDataCell().setText(UiFormats.dateTime(entry.at(), getLocale()));
            row.addDataCell().setText(entry.actor());
            row.addDataCell().setText(change(entry));
            row.addDataCell().setText(entry.comment() == null ? "" : entry.comment());
            row.addDataCell().setText(entry.publicComment() == null ? "" : entry.publicComment());
        }
        table.addClassName("case-history-table");
        Div scroll = new Div(table);
        scroll.addClassName("table-scroll");
        section.add(scroll);
        return section;
    }

    private String change(HistoryEntry entry) {
        if (entry.kind() == HistoryEntry.Kind.ASSIGNMENT) {
            return entry.assignedTo() == null ? getTranslation("backoffice.history.unassigned")
                    : getTranslation("backoffice.history.assigned", entry.assignedTo());
        }
        return getTranslation("backoffice.history.status", UiFormats.status(this, entry.from()),
                UiFormats.status(this, entry.to()));
    }

    private Section notes() {
        Section section = section("case-notes", "backoffice.detail.notes");
        List<Note> notes = cases.notes(current.reference());
        if (notes.isEmpty()) {
            section.add(new Paragraph(getTranslation("backoffice.detail.notes.none")));
        } else {
            UnorderedList list = new UnorderedList();
            for (Note note : notes) {
                Paragraph meta = new Paragraph(getTranslation("backoffice.detail.note.meta", note.author(),
                        UiFormats.dateTime(note.createdAt(), getLocale())));
                meta.addClassName("note-meta");
                Paragraph text = new Paragraph(note.text());
                text.addClassName("note-text");
                list.add(new ListItem(meta, text));
            }
            list.addClassName("case-notes-list");
            section.add(list);
        }
        noteText.clear();
        noteText.setInvalid(false);
        section.add(noteText, addNote);
        return section;
    }

    void changeStatus() {
        SubmissionStatus target = nextStatus.getValue();
        if (target == null) {
            return;
        }
        try {
            reviews.changeStatus(current.reference(), current.lockVersion(), target, comment.getValue(),
                    publicComment.getValue());
            reload();
            announce(getTranslation("backoffice.detail.statusChanged", UiFormats.status(this, target)), false);
        } catch (ReviewRefusedException e) {
            if (e.reason() == ReviewRefusedException.Reason.COMMENT_REQUIRED) {
                comment.setErrorMessage(getTranslation("backoffice.refused.COMMENT_REQUIRED"));
                comment.setInvalid(true);
                comment.focus();
            }
            announce(refusal(e), true);
        } catch (ConcurrentChangeException e) {
            conflict();
        }
    }

    void assignToMe() {
        try {
            SubmissionCase updated = reviews.assignToMe(current.reference(), current.lockVersion());
            reload();
            announce(getTranslation("backoffice.detail.assigned", updated.assignedTo()), false);
        } catch (ConcurrentChangeException e) {
            conflict();
        }
    }

    void assign(String assignee) {
        try {
            reviews.assign(current.reference(), current.lockVersion(), assignee);
            reload();
            announce(assignee == null ? getTranslation("backoffice.detail.unassigned")
                    : getTranslation("backoffice.detail.assigned", assignee), false);
        } catch (ReviewRefusedException e) {
            announce(refusal(e), true);
        } catch (ConcurrentChangeException e) {
            conflict();
        }
    }

    void addNote() {
        try {
            reviews.addNote(current.reference(), noteText.getValue());
            reload();
            announce(getTranslation("backoffice.detail.note.added"), false);
        } catch (ReviewRefusedException e) {
            noteText.setErrorMessage(refusal(e));
            noteText.setInvalid(true);
            announce(refusal(e), true);
        }
    }

    private String refusal(ReviewRefusedException e) {
        return getTranslation(REFUSED_KEY_PREFIX + e.reason().name());
    }

    /** Someone else was quicker: nothing was saved; offer to reload. */
    private void conflict() {
        Button reloadButton = new Button(getTranslation("backoffice.conflict.reload"), e -> reload());
        reloadButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        showAlert(true, new Paragraph(getTranslation("backoffice.conflict.text")), reloadButton);
        reloadButton.focus();
    }

    private void announce(String message, boolean error) {
        showAlert(error, new Paragraph(message));
    }

    private void showAlert(boolean error, Component... content) {
        alert.removeAll();
        alert.add(content);
        alert.setClassName("backoffice-alert");
        alert.addClassName(error ? "backoffice-alert-error" : "backoffice-alert-success");
        alert.setVisible(true);
    }

    /** The text shown in the alert region (tests). */
    String alertText() {
        return alert.isVisible() ? alert.getElement().getTextRecursively() : "";
    }

    private Section section(String className, String titleKey, Component... content) {
        H2 heading = new H2(getTranslation(titleKey));
        heading.setId(className + "-heading");
        Section section = new Section(heading);
        section.add(content);
        section.addClassName(className);
        section.addClassName("case-section");
        section.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        return section;
    }

    private static void term(DescriptionList list, String key, String value) {
        list.add(new DescriptionList.Term(list.getTranslation(key)), new DescriptionList.Description(value));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("backoffice.detail.heading", reference == null ? "" : reference) + " – "
                + getTranslation("app.name");
    }

    @Override
    protected String titleKey() {
        return "backoffice.detail.title";
    }
}
