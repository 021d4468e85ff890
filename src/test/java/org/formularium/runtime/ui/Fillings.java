package org.formularium.runtime.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.dom.DomEvent;
import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import elemental.json.Json;
import elemental.json.JsonObject;
import org.formularium.definition.DefinitionJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Fills demo forms in Karibu tests: open, answer with the demo submission, go to the review. */
final class Fillings {

    private Fillings() {
    }

    /**
     * A click on "check your answers" as the browser sends it to the delegated listener: the filter's result
     * (is the click on a change button?) and the clicked button's number ({@code null}: a click beside them).
     */
    static void clickReview(String index) {
        ReviewAnswers answers = _get(ReviewAnswers.class);
        JsonObject data = Json.createObject();
        data.put(ReviewAnswers.ON_BUTTON, index != null);
        if (index != null) {
            data.put(ReviewAnswers.BUTTON_INDEX, index);
        }
        ElementUtilsKt._fireDomEvent(answers.getElement(), new DomEvent(answers.getElement(), "click", data));
    }

    static FormView open(String key) {
        UI.getCurrent().navigate("f/" + key);
        return _get(FormView.class);
    }

    static ObjectNode sample(String key) {
        try (InputStream in = Fillings.class.getResourceAsStream("/forms/demo-submissions/" + key + ".json")) {
            return (ObjectNode) DefinitionJson.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens the form, answers it with its demo submission and clicks through to the review (consenting). */
    static FormView filledUpToReview(String key) {
        return filledUpToReview(key, sample(key));
    }

    /** As {@link #filledUpToReview(String)} with these answers. */
    static FormView filledUpToReview(String key, ObjectNode answers) {
        FormView view = open(key);
        view.data().setAll(answers);
        view.showStep(view.currentStep(), false);
        for (int i = 0; i < 10 && !FillingState.REVIEW_STEP.equals(view.currentStep()); i++) {
            if (FillingState.PRIVACY_STEP.equals(view.currentStep()) && view.privacyConsent != null) {
                _setValue(view.privacyConsent, true);
            }
            String before = view.currentStep();
            _click(view.next);
            assertThat(view.currentStep()).as("errors on " + before + ": " + view.errorSummary.links().stream()
                    .map(Anchor::getText).toList()).isNotEqualTo(before);
        }
        return view;
    }
}
