package org.formularium.builder.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import org.formularium.definition.validation.DefinitionProblem;
import org.formularium.runtime.ui.VaadinTexts;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Pieces the designers' list and versions views share: uploads into memory, dates, problem lists, dialogs. */
final class BuilderSupport {

    /** Translation key prefix of the definition problem codes. */
    static final String PROBLEM_KEY_PREFIX = "builder.problem.";

    private BuilderSupport() {
    }

    /**
     * An upload that keeps each file in memory. Files above {@code maxBytes} are refused on the server too
     * (the browser's limit is no enforcement): {@code rejected} gets a translated message.
     */
    static Upload memoryUpload(Component owner, long maxBytes, int maxFiles, String[] accept,
                               BiConsumer<String, byte[]> received, Consumer<String> rejected) {
        Upload upload = new Upload(new UploadHandler() {
            @Override
            public void handleUploadRequest(UploadEvent event) throws IOException {
                String name = event.getFileName();
                byte[] bytes = event.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                Runnable outcome = bytes.length > maxBytes
                        ? () -> rejected.accept(owner.getTranslation("builder.upload.tooLarge", name))
                        : () -> received.accept(name, bytes);
                if (VaadinSession.getCurrent() != null && VaadinSession.getCurrent().hasLock()) {
                    outcome.run();
                } else {
                    event.getUI().access(outcome::run);
                }
            }

            @Override
            public long getFileSizeMax() {
                return maxBytes;
            }

            @Override
            public long getRequestSizeMax() {
                return maxBytes * maxFiles + 64 * 1024;
            }

            @Override
            public long getFileCountMax() {
                return maxFiles;
            }
        });
        upload.setI18n(VaadinTexts.upload(owner::getTranslation, maxFiles > 1));
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.setMaxFiles(maxFiles);
        upload.setAcceptedFileTypes(accept);
        upload.addFileRejectedListener(event -> rejected.accept(event.getErrorMessage()));
        upload.addFailedListener(event -> rejected.accept(owner.getTranslation("builder.upload.failed", event.getFileName())));
        return upload;
    }

    static String dateTime(OffsetDateTime value, Locale locale) {
        if (value == null) {
            return "–";
        }
        return value.atZoneSameInstant(ZoneId.systemDefault())
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale));
    }

    /** "time (by user)", or a dash. */
    static String when(Component owner, OffsetDateTime at, String by) {
        return at == null ? "–" : owner.getTranslation("builder.by", dateTime(at, UI.getCurrent() == null ? Locale.GERMAN : UI.getCurrent().getLocale()), by);
    }

    /**
     * Problems of a definition, one list item each: the translated meaning of the code, where (the JSON path)
     * and the validator's detail (English, marked as such).
     */
    static UnorderedList problemList(Component owner, List<DefinitionProblem> problems) {
        UnorderedList list = new UnorderedList();
        list.addClassName("definition-problems");
        for (DefinitionProblem problem : problems) {
            Span meaning = new Span(owner.getTranslation(PROBLEM_KEY_PREFIX + problem.code().name()));
            meaning.addClassName("problem-meaning");
            Span where = new Span(owner.getTranslation("builder.problem.path") + " ");
            Code path = new Code(problem.path().isEmpty() ? owner.getTranslation("builder.problem.root") : problem.path());
            Span detail = new Span(problem.message());
            detail.getElement().setAttribute("lang", "en");
            detail.addClassName("problem-detail");
            list.add(new ListItem(meaning, new Span(" – "), where, path, new Span(". "), detail));
        }
        return list;
    }

    /** A dialog named for assistive technology by its title. */
    static Dialog dialog(String title) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.getElement().setAttribute("aria-label", title);
        return dialog;
    }
}
