package org.formularium.runtime.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import org.formularium.definition.evaluation.DataError;
import org.formularium.definition.evaluation.Evaluation;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.Page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Renders one page of a form definition with Vaadin components bound to a JSON data object, independent of
 * any wizard (the citizen runtime and the builder's live preview use it). Answers are written into the data
 * as they are entered; listeners hear the path that changed. The caller evaluates the data (the data evaluator
 * is the only judge) and hands the result back: {@link #apply} shows/hides elements, marks requiredness and
 * shows computed values; {@link #showErrors} puts the messages on the fields.
 */
public final class FormRenderer {

    private final RenderContext context;
    /** What was shown last, shown again on parts rendered anew (a paged group's other items). */
    private Evaluation shownEvaluation;
    private List<DataError> shownErrors = List.of();

    /**
     * @param uploads where uploaded files go (the runtime stores them; a preview may refuse them)
     */
    public FormRenderer(FormDefinition definition, Locale locale, FileUploads uploads) {
        this.context = new RenderContext(definition, locale, new FieldRenderers(), uploads);
        context.onRendered(this::showAgain);
    }

    /** The components of a page, bound to {@code data} (the whole form's answers). */
    public Component render(Page page, ObjectNode data) {
        context.bindings().clear();
        Div fields = new Div();
        fields.addClassName("fields");
        context.renderAll(page.elements(), new FieldRenderer.Scope(data, "")).forEach(fields::add);
        return fields;
    }

    /**
     * Forgets the components of the page rendered last (the wizard shows a step without fields): otherwise they
     * stay reachable from the bindings, detached from the UI, for as long as the session lives.
     */
    public void release() {
        context.bindings().clear();
    }

    /** Called with the data path of every answer that changed (after the data object was updated). */
    public void addChangeListener(Consumer<String> listener) {
        context.onChange(listener);
    }

    /** Shows what the evaluation says: visibility, requiredness and computed values of the rendered elements. */
    public void apply(Evaluation evaluation) {
        shownEvaluation = evaluation;
        for (FieldBinding binding : List.copyOf(context.bindings().values())) {
            binding.apply(evaluation.isVisible(binding.path()), evaluation.isRequired(binding.path()),
                    evaluation.computedValues().get(binding.path()));
        }
    }

    /**
     * Shows the errors inline and returns, per error, the DOM id to move focus to (empty for errors that
     * belong to no rendered field, e.g. form-wide rules).
     */
    public Map<DataError, Optional<String>> showErrors(List<DataError> errors) {
        clearErrors();
        shownErrors = List.copyOf(errors);
        Map<DataError, Optional<String>> targets = new LinkedHashMap<>();
        for (DataError error : errors) {
            Optional<Target> target = target(error.path()).filter(t -> t.binding().shows(t.subPath()));
            target.ifPresent(t -> t.binding().showError(t.subPath(), error.message().get(context.locale())));
            targets.put(error, target.map(t -> t.binding().focusId(t.subPath())));
        }
        return targets;
    }

    public void clearErrors() {
        shownErrors = List.of();
        context.bindings().values().forEach(FieldBinding::clearErrors);
    }

    /** The evaluation and the errors shown last, on what was rendered anew. */
    private void showAgain() {
        if (shownEvaluation != null) {
            apply(shownEvaluation);
        }
        for (DataError error : shownErrors) {
            target(error.path()).filter(t -> t.binding().shows(t.subPath()))
                    .ifPresent(t -> t.binding().showError(t.subPath(), error.message().get(context.locale())));
        }
    }

    /** The DOM id of the field for a data path, if it is rendered. */
    public Optional<String> focusId(String path) {
        return target(path).map(t -> t.binding().focusId(t.subPath()));
    }

    /** Whether the field of a data path is on this page but not on screen (an item on another page of its group). */
    public boolean hides(String path) {
        return target(path).filter(t -> !t.binding().shows(t.subPath())).isPresent();
    }

    /**
     * The DOM id of the field for a data path, bringing it on screen first when it is hidden (turns a paged
     * group to the item's page).
     */
    public Optional<String> reveal(String path) {
        target(path).filter(t -> !t.binding().shows(t.subPath())).ifPresent(t -> t.binding().reveal(t.subPath()));
        return focusId(path);
    }

    /** Whether a data path belongs to a rendered field. */
    public boolean renders(String path) {
        return target(path).isPresent();
    }

    private record Target(FieldBinding binding, String subPath) {
    }

    private Optional<Target> target(String path) {
        FieldBinding best = null;
        for (FieldBinding binding : context.bindings().values()) {
            String p = binding.path();
            boolean matches = path.equals(p) || path.startsWith(p + ".") || path.startsWith(p + "[");
            if (matches && !binding.isContainer() && (best == null || p.length() > best.path().length())) {
                best = binding;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String rest = path.substring(best.path().length());
        return Optional.of(new Target(best, rest.startsWith(".") ? rest.substring(1) : rest));
    }

    /** The JavaScript that moves focus to an element by id: into groups (radio, checkbox, upload) onto their first input. */
    public static final String FOCUS_SCRIPT = """
            (id) => {
              const t = document.getElementById(id);
              if (!t) { return; }
              const direct = ['VAADIN-TEXT-FIELD','VAADIN-TEXT-AREA','VAADIN-EMAIL-FIELD','VAADIN-DATE-PICKER','VAADIN-SELECT','VAADIN-CHECKBOX'];
              let target = t;
              if (!direct.includes(t.tagName)) {
                target = t.querySelector('input:checked') || t.querySelector('input, textarea, vaadin-select, [slot=add-button], button, vaadin-button') || t;
              }
              t.scrollIntoView({block: 'center'});
              target.focus();
            }""";
}
