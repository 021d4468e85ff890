package org.formularium.builder.ui.editor;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.DomEvent;
import elemental.json.Json;
import elemental.json.JsonObject;
import org.formularium.security.Role;
import org.formularium.support.AbstractKaribuTest;

/** Drives the editor by the ids of its fields and buttons, as a designer would with mouse and keyboard. */
abstract class EditorTestSupport extends AbstractKaribuTest {

    protected EditorView open(String formKey) {
        login("designer", Role.DESIGNER);
        UI.getCurrent().navigate("builder/" + formKey);
        return _get(EditorView.class);
    }

    protected static void click(String id) {
        _click(_get(Button.class, spec -> spec.withId(id)));
    }

    protected static void text(String id, String value) {
        _setValue(_get(TextField.class, spec -> spec.withId(id)), value);
    }

    protected static void area(String id, String value) {
        _setValue(_get(TextArea.class, spec -> spec.withId(id)), value);
    }

    protected static void check(String id, boolean value) {
        _setValue(_get(Checkbox.class, spec -> spec.withId(id)), value);
    }

    protected static void number(String id, int value) {
        _setValue(_get(IntegerField.class, spec -> spec.withId(id)), value);
    }

    @SuppressWarnings("unchecked")
    protected static <T> void select(String id, T value) {
        _setValue((Select<T>) _get(Select.class, spec -> spec.withId(id)), value);
    }

    @SuppressWarnings("unchecked")
    protected static void combo(String id, String value) {
        _setValue((ComboBox<String>) _get(ComboBox.class, spec -> spec.withId(id)), value);
    }

    /** German and English text of a property. */
    protected static void texts(String property, String de, String en) {
        text("prop-" + property + "-de", de);
        text("prop-" + property + "-en", en);
    }

    protected static void longTexts(String property, String de, String en) {
        area("prop-" + property + "-de", de);
        area("prop-" + property + "-en", en);
    }

    protected static Button node(Integer... indexes) {
        String id = indexes.length == 0 ? "node-form" : "node-" + String.join("-",
                java.util.Arrays.stream(indexes).map(String::valueOf).toList());
        return _get(Button.class, spec -> spec.withId(id));
    }

    protected static void selectNode(Integer... indexes) {
        _click(node(indexes));
    }

    /** Presses Alt+ArrowUp or Alt+ArrowDown on a component (the browser sends the keydown with its filter). */
    protected static void pressAlt(Component component, String arrowKey) {
        JsonObject data = Json.createObject();
        data.put("event.altKey && event.key === '" + arrowKey + "'", true);
        data.put("event.preventDefault()", Json.createNull());
        ElementUtilsKt._fireDomEvent(component.getElement(), new DomEvent(component.getElement(), "keydown", data));
    }
}
