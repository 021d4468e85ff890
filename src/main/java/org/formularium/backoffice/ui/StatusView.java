package org.formularium.backoffice.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.formularium.backoffice.PublicStatus;
import org.formularium.backoffice.StatusLookupResult;
import org.formularium.backoffice.StatusLookupService;
import org.formularium.shared.ui.ClientAddress;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.RetryMessage;
import org.formularium.shared.ui.ViewSupport;

import java.util.Locale;

/**
 * The citizen's status lookup: reference number and access code give the current status, the dates and the
 * public comments of the administration. The same message for an unknown reference and a wrong code;
 * attempts are limited (the service says until when).
 */
@Route(value = "status", layout = MainLayout.class)
@AnonymousAllowed
public class StatusView extends ViewSupport {

    private final transient StatusLookupService lookups;

    final TextField reference = new TextField();
    final TextField accessCode = new TextField();
    final Button check = new Button();
    final Div result = new Div();

    public StatusView(StatusLookupService lookups) {
        this.lookups = lookups;
        reference.setLabel(getTranslation("status.reference"));
        reference.setHelperText(getTranslation("status.reference.hint"));
        reference.setRequired(true);
        reference.setMaxLength(32);
        reference.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        accessCode.setLabel(getTranslation("status.accessCode"));
        accessCode.setHelperText(getTranslation("status.accessCode.hint"));
        accessCode.setRequired(true);
        accessCode.setMaxLength(32);
        accessCode.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        check.setText(getTranslation("status.check"));
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickListener(e -> lookup());
        check.addClickShortcut(Key.ENTER);
        Div form = new Div(reference, accessCode, check);
        form.addClassName("status-form");
        result.addClassName("status-result");
        result.getElement().setAttribute("aria-live", "polite");
        add(heading(), new Paragraph(getTranslation("status.intro")), form, result);
    }

    void lookup() {
        result.removeAll();
        if (reference.getValue().isBlank() || accessCode.getValue().isBlank()) {
            showMessage(getTranslation("status.missing"), true);
            return;
        }
        StatusLookupResult answer = lookups.lookup(reference.getValue(), accessCode.getValue(), ClientAddress.current());
        if (answer instanceof StatusLookupResult.Found found) {
            show(found.status());
        } else if (answer instanceof StatusLookupResult.TooManyAttempts tooMany) {
            showMessage(RetryMessage.of(this, "status.tooManyAttempts", tooMany.retryAt()), true);
        } else {
            showMessage(getTranslation("status.notFound"), true);
        }
    }

    private void show(PublicStatus status) {
        Locale locale = getLocale();
        H2 title = new H2(getTranslation("status.result.heading", status.reference()));
        title.getElement().setAttribute("tabindex", "-1");
        DescriptionList facts = new DescriptionList();
        facts.add(new DescriptionList.Term(getTranslation("status.result.form")),
                new DescriptionList.Description(status.formTitle().get(locale)));
        facts.add(new DescriptionList.Term(getTranslation("status.result.submittedAt")),
                new DescriptionList.Description(UiFormats.dateTime(status.submittedAt(), locale)));
        facts.add(new DescriptionList.Term(getTranslation("status.result.status")),
                new DescriptionList.Description(UiFormats.status(this, status.status())));
        facts.add(new DescriptionList.Term(getTranslation("status.result.changedAt")),
                new DescriptionList.Description(UiFormats.dateTime(status.statusChangedAt(), locale)));
        facts.addClassName("status-facts");
        result.add(title, facts);
        if (!status.steps().isEmpty()) {
            UnorderedList steps = new UnorderedList();
            for (PublicStatus.Step step : status.steps()) {
                ListItem item = new ListItem(new Span(getTranslation("status.result.step",
                        UiFormats.dateTime(step.at(), locale), UiFormats.status(this, step.status()))));
                if (step.publicComment() != null) {
                    Paragraph comment = new Paragraph(step.publicComment());
                    comment.addClassName("status-comment");
                    item.add(comment);
                }
                steps.add(item);
            }
            result.add(new H3(getTranslation("status.result.history")), steps);
        }
        title.getElement().executeJs("this.focus()");
    }

    private void showMessage(String text, boolean error) {
        Paragraph message = new Paragraph(text);
        message.addClassName(error ? "status-error" : "status-info");
        result.add(message);
    }

    /** The text of the result region (tests). */
    String resultText() {
        return result.getElement().getTextRecursively();
    }

    @Override
    protected String titleKey() {
        return "status.title";
    }
}
