package org.formularium.backoffice.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import org.formularium.backoffice.BackofficeTestBase;
import org.formularium.backoffice.ReviewService;
import org.formularium.backoffice.StatusLookupService;
import org.formularium.security.Role;
import org.formularium.shared.i18n.Languages;
import org.formularium.submission.SubmissionReceipt;
import org.formularium.submission.SubmissionStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class StatusViewTest extends BackofficeTestBase {

    @Autowired
    ReviewService reviews;
    @Autowired
    StatusLookupService lookups;

    SubmissionReceipt receipt;

    @BeforeEach
    void submission() {
        String clerk = user("status");
        receipt = submit(contactFormFor(clerk), "Anna");
        login(clerk, Role.CLERK);
        reviews.changeStatus(receipt.reference(), lockOf(receipt.reference()), SubmissionStatus.IN_REVIEW,
                "intern", "Wir prüfen Ihre Angaben.");
        logout();
    }

    @Test
    void a_citizen_sees_status_dates_and_public_comment_with_the_right_code() {
        StatusView view = open();

        enter(receipt.reference(), receipt.accessCode());

        assertThat(view.resultText()).contains("Ihr Antrag " + receipt.reference(), "Kontaktformular",
                "In Bearbeitung", "Wir prüfen Ihre Angaben.").doesNotContain("intern");
    }

    @Test
    void a_wrong_code_and_an_unknown_reference_show_the_same_message() {
        StatusView view = open();

        enter(receipt.reference(), "FALSCH234567");
        String wrongCode = view.resultText();
        enter("FM-1999-000001", receipt.accessCode());

        assertThat(view.resultText()).isEqualTo(wrongCode)
                .isEqualTo("Zu dieser Referenznummer und diesem Zugangscode haben wir keinen Antrag gefunden. "
                        + "Prüfen Sie beide Angaben.");
    }

    @Test
    void after_too_many_attempts_for_a_reference_the_page_says_when_to_try_again() {
        for (int i = 0; i < 10; i++) {
            lookups.lookup(receipt.reference(), "WRONG" + i, "192.0.2." + i);
        }
        StatusView view = open();

        enter(receipt.reference(), receipt.accessCode());

        assertThat(view.resultText()).startsWith("Zu viele Versuche. Sie können es um ").contains("Minuten");
    }

    @Test
    void the_status_page_speaks_english() {
        useLanguage(Languages.ENGLISH);
        StatusView view = open();

        enter(receipt.reference(), receipt.accessCode());

        assertThat(view.resultText()).contains("Your submission", "In review");
    }

    private StatusView open() {
        UI.getCurrent().navigate("status");
        return _get(StatusView.class);
    }

    private void enter(String reference, String code) {
        _setValue(_get(TextField.class, spec -> spec.withLabel(UI.getCurrent().getLocale().getLanguage().equals("en")
                ? "Reference number" : "Referenznummer")), reference);
        _setValue(_get(TextField.class, spec -> spec.withLabel(UI.getCurrent().getLocale().getLanguage().equals("en")
                ? "Access code" : "Zugangscode")), code);
        _click(_get(Button.class, spec -> spec.withText(UI.getCurrent().getLocale().getLanguage().equals("en")
                ? "Check status" : "Stand abfragen")));
    }
}
