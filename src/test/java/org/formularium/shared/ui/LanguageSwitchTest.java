package org.formularium.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import org.formularium.shared.i18n.Languages;
import org.formularium.support.AbstractKaribuTest;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class LanguageSwitchTest extends AbstractKaribuTest {

    @Test
    void german_page_offers_english_named_in_english_with_its_lang() {
        UI.getCurrent().navigate("forms");

        LanguageSwitch toggle = _get(LanguageSwitch.class);

        assertThat(toggle.getText()).isEqualTo("English");
        assertThat(toggle.getElement().getAttribute("lang")).isEqualTo("en");
    }

    @Test
    void switching_to_english_changes_the_locale_of_the_session() {
        UI.getCurrent().navigate("forms");

        _click(_get(LanguageSwitch.class));

        assertThat(UI.getCurrent().getLocale()).isEqualTo(Languages.ENGLISH);
        UI.getCurrent().navigate("login");
        assertThat(_get(H1.class).getText()).isEqualTo("Log in");
    }
}
