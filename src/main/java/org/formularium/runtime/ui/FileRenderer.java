package org.formularium.runtime.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import org.formularium.definition.DisplayFormat;
import org.formularium.definition.model.FileElement;
import org.formularium.definition.model.LocalizedText;
import org.formularium.submission.AttachmentRejectedException;
import org.formularium.submission.AttachmentService;
import org.formularium.submission.StoredAttachment;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A file upload: a group (role=group, named by the visible label) with hint, Vaadin's Upload (translated), the
 * stored files with name, size and a remove button each, and live regions that announce accepted and rejected
 * files (Vaadin announces neither). Limits are enforced on the server: the upload handler refuses requests
 * above the element's size and {@link AttachmentService} reads at most that many bytes and checks the type by
 * content.
 */
final class FileRenderer implements FieldRenderer<FileElement> {

    @Override
    public Component render(FileElement element, Scope scope, RenderContext context) {
        return new FileField(element, scope, context).root;
    }

    static final class FileField {
        final Div root = new Div();
        final Upload upload;
        final UnorderedList list = new UnorderedList();
        final Div alert = new Div();
        final Div status = new Div();
        private final Span label = new Span();
        private final Paragraph error = new Paragraph();
        private final Paragraph hint = new Paragraph();
        private final FileElement element;
        private final Scope scope;
        private final RenderContext context;
        private final String path;
        private final String labelText;

        FileField(FileElement element, Scope scope, RenderContext context) {
            this.element = element;
            this.scope = scope;
            this.context = context;
            this.path = scope.path(element.key());
            this.labelText = context.text(element.label());
            String id = RenderContext.fieldId(path);
            root.setId(id);
            root.addClassName("file-field");
            root.getElement().setAttribute("role", "group");
            root.getElement().setAttribute("aria-labelledby", id + "-label");
            label.setId(id + "-label");
            label.addClassName("field-label");
            label.setText(context.label(labelText, element.requiredOrFalse()));
            context.markLanguage(label, element.label());
            hint.setId(id + "-hint");
            hint.addClassName("field-hint");
            hint.setText(hintText());
            error.setId(id + "-error");
            error.addClassName("field-error");
            error.setVisible(false);
            alert.getElement().setAttribute("role", "alert");
            alert.addClassName("upload-rejected");
            status.getElement().setAttribute("role", "status");
            status.addClassName("upload-status");
            list.addClassName("file-list");

            long maxBytes = Math.min((long) element.maxSizeKbOrDefault() * 1024, AttachmentService.ABSOLUTE_MAX_BYTES);
            upload = new Upload(new UploadHandler() {
                @Override
                public void handleUploadRequest(UploadEvent event) {
                    receive(event.getUI(), event.getFileName(), event);
                }

                @Override
                public long getFileSizeMax() {
                    return maxBytes;
                }

                @Override
                public long getRequestSizeMax() {
                    return maxBytes + 64 * 1024;
                }

                @Override
                public long getFileCountMax() {
                    return 1;
                }
            });
            upload.setI18n(VaadinTexts.upload(context, element.maxFilesOrDefault() > 1));
            upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
            upload.setMaxFiles(element.maxFilesOrDefault());
            upload.setAcceptedFileTypes(acceptedTypes(element.acceptOrDefault()));
            upload.setDropAllowed(true);
            upload.addFileRejectedListener(event -> reject(event.getErrorMessage()));
            upload.addFailedListener(event -> reject(context.getTranslation("form.file.failed", event.getFileName())));
            root.getElement().setAttribute("aria-describedby", hint.getId().orElseThrow());
            root.add(label, hint, error, upload, list, alert, status);
            refreshList();
            context.register(binding());
        }

        private String hintText() {
            String types = String.join(", ", element.acceptOrDefault().stream().map(FileRenderer::shortType).toList());
            String limits = context.getTranslation("form.file.limits", types,
                    DisplayFormat.fileSize((long) element.maxSizeKbOrDefault() * 1024, context.locale()),
                    element.maxFilesOrDefault());
            return element.hint() == null ? limits : context.text(element.hint()) + " " + limits;
        }

        private void receive(UI ui, String fileName, UploadEvent event) {
            Runnable outcome;
            if (files().size() >= element.maxFilesOrDefault()) {
                outcome = () -> reject(context.getTranslation("form.file.tooMany", element.maxFilesOrDefault()));
            } else {
                try {
                    StoredAttachment stored = context.uploads().upload(element, fileName, event.getInputStream());
                    outcome = () -> accept(stored);
                } catch (AttachmentRejectedException e) {
                    LocalizedText message = e.userMessage();
                    outcome = () -> reject(context.text(message));
                }
            }
            if (VaadinSession.getCurrent() != null && VaadinSession.getCurrent().hasLock()) {
                outcome.run();
            } else {
                ui.access(outcome::run);
            }
        }

        void accept(StoredAttachment stored) {
            ObjectNode file = JsonNodeFactory.instance.objectNode()
                    .put("id", stored.id().toString()).put("name", stored.name()).put("size", stored.size())
                    .put("mediaType", stored.mediaType()).put("sha256", stored.sha256());
            ArrayNode files = files();
            files.add(file);
            scope.data().set(element.key(), files);
            upload.clearFileList();
            alert.setText("");
            status.setText(context.getTranslation("form.file.added", stored.name()));
            refreshList();
            context.changed(path);
        }

        void reject(String message) {
            upload.clearFileList();
            status.setText("");
            alert.setText(message);
        }

        private void remove(int index) {
            ArrayNode files = files();
            String name = files.get(index).path("name").asText();
            files.remove(index);
            Bindings.write(scope.data(), element.key(), files);
            status.setText(context.getTranslation("form.file.removed", name));
            alert.setText("");
            refreshList();
            context.changed(path);
            upload.getElement().executeJs("const b=this.querySelector('[slot=add-button]'); if (b) { b.focus(); }");
        }

        private ArrayNode files() {
            JsonNode value = scope.data().get(element.key());
            return value instanceof ArrayNode array ? array : JsonNodeFactory.instance.arrayNode();
        }

        private void refreshList() {
            list.removeAll();
            ArrayNode files = files();
            for (int i = 0; i < files.size(); i++) {
                JsonNode file = files.get(i);
                String name = file.path("name").asText();
                int index = i;
                Span text = new Span(name + " (" + DisplayFormat.fileSize(file.path("size").asLong(), context.locale()) + ")");
                Button remove = new Button(context.getTranslation("form.file.remove"), e -> remove(index));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                remove.getElement().setAttribute("aria-label", context.getTranslation("form.file.remove.named", name));
                list.add(new ListItem(text, remove));
            }
            list.setVisible(!files.isEmpty());
        }

        private FieldBinding binding() {
            return new FieldBinding(path, root) {
                @Override
                void setRequired(boolean required) {
                    label.setText(context.label(labelText, required));
                }

                @Override
                void showError(String subPath, String message) {
                    error.setText(message);
                    error.setVisible(true);
                    root.getElement().setAttribute("aria-describedby", hint.getId().orElseThrow() + " " + error.getId().orElseThrow());
                    root.addClassName("invalid");
                }

                @Override
                void clearErrors() {
                    error.setVisible(false);
                    root.getElement().setAttribute("aria-describedby", hint.getId().orElseThrow());
                    root.removeClassName("invalid");
                }
            };
        }
    }

    private static String[] acceptedTypes(List<String> mediaTypes) {
        List<String> accepted = new ArrayList<>(mediaTypes);
        for (String type : mediaTypes) {
            accepted.addAll(switch (type) {
                case "application/pdf" -> List.of(".pdf");
                case "image/jpeg" -> List.of(".jpg", ".jpeg");
                case "image/png" -> List.of(".png");
                default -> List.of();
            });
        }
        return Stream.of(accepted.toArray(String[]::new)).distinct().toArray(String[]::new);
    }

    static String shortType(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> "PDF";
            case "image/jpeg" -> "JPEG";
            case "image/png" -> "PNG";
            default -> mediaType;
        };
    }
}
