package org.formularium.runtime.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import org.formularium.support.AbstractKaribuTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class FormViewSmokeTest extends AbstractKaribuTest {

    @ParameterizedTest
    @ValueSource(strings = {"buecherwunsch", "fischereischein", "fundsache", "ideen-beschwerden", "parkausweis", "veranstaltung"})
    void every_demo_form_opens_on_its_first_page(String key) {
        UI.getCurrent().navigate("f/" + key);

        FormView view = _get(FormView.class);
        assertThat(_get(view, H1.class).getText()).isNotBlank();
        assertThat(view.progress.getText()).startsWith("Schritt 1 von ");
        assertThat(view.stepHeading.getText()).isNotBlank();
    }
}
