package org.formularium.runtime.ui;

import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Section;
import elemental.json.JsonType;
import elemental.json.JsonValue;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The answers on "check your answers": one {@code <section class="review-page">} per page whose content is the
 * escaped HTML of {@link ReviewHtml}, so a row costs a few hundred bytes instead of a dozen Vaadin components.
 * One delegated click listener serves every native "change" button: the browser sends the button's number
 * ({@code data-i}) only when a click lands on such a button, and this component hands the button's target
 * (a data path or a step) to the listener. Numbers that name no button are ignored.
 */
final class ReviewAnswers extends Div {

    /** Client-side: is the click on (or inside) a change button? Clicks elsewhere send nothing. */
    static final String ON_BUTTON = "event.target.closest('[data-i]') !== null";
    /** Client-side: the number of the clicked change button. */
    static final String BUTTON_INDEX = "event.target.closest('[data-i]')?.dataset.i";

    private static final Pattern INDEX = Pattern.compile("\\d{1,6}");

    private final List<String> targets;

    ReviewAnswers(ReviewHtml review, Consumer<String> change) {
        addClassName("review-answers");
        targets = review.targets();
        for (ReviewHtml.Block block : review.blocks()) {
            HtmlContainer holder = block.page() ? new Section() : new Div();
            if (block.page()) {
                holder.addClassName("review-page");
            }
            holder.getElement().setProperty("innerHTML", block.html());
            add(holder);
        }
        getElement().addEventListener("click", event -> {
            JsonValue value = event.getEventData().get(BUTTON_INDEX);
            if (value != null && value.getType() == JsonType.STRING && INDEX.matcher(value.asString()).matches()) {
                int index = Integer.parseInt(value.asString());
                if (index < targets.size()) {
                    change.accept(targets.get(index));
                }
            }
        }).addEventData(BUTTON_INDEX).setFilter(ON_BUTTON);
    }
}
