package org.formularium.fim;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.time.Duration;
import java.util.List;
import org.formularium.definition.schema.SubmissionXml;
import org.formularium.definition.schema.XmlSchemas;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.FormVersionInfo;
import org.formularium.definition.store.PublishedForm;
import org.formularium.definition.store.VersionStatus;
import org.formularium.delivery.OutboxWorker;
import org.formularium.security.Role;
import org.formularium.submission.SubmissionService;
import org.formularium.support.AbstractKaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Element;

/**
 * Issue 11 end to end, only through the UI: a designer imports an XDatenfelder schema whose choice has no code
 * list, adds the options in the editor, publishes; a citizen fills and submits the form; the submission's XML is
 * valid against the version's XSD and carries the FIM ids of the schema.
 */
class FimThroughBuilderTest extends AbstractKaribuTest {

    /** v2/select.xml: schema T1234 1.0 with one required select field F123 1.0 („Hinweis“) without code list. */
    private static final String SCHEMA_FILE = "v2/select.xml";
    private static final String FIELD_KEY = "hinweis";

    @Autowired
    FormService forms;
    @Autowired
    SubmissionService submissions;
    @Autowired
    OutboxWorker outbox;

    @Test
    void an_imported_schema_gets_its_options_in_the_editor_is_published_filled_and_exported_with_fim_ids()
            throws Exception {
        // 1. import in the builder list
        login("designer", Role.DESIGNER);
        UI.getCurrent().navigate("builder");
        _click(_get(Button.class, spec -> spec.withText("Aus FIM importieren (XDatenfelder 2.0/3.0)")));
        _upload(_get(Upload.class, spec -> spec.withId("fim-schema-upload")), "select.xml", "application/xml",
                FimFiles.shared(SCHEMA_FILE));
        _click(_get(Button.class, spec -> spec.withId("fim-start")));

        Component report = _get(H2.class, spec -> spec.withId("fim-report-heading")).getParent().orElseThrow();
        String reportText = text(report);
        assertThat(reportText).contains("Das blockiert die Veröffentlichung (1)", "Die Auswahl hat keine Optionen.",
                "Handlungsbedarf: ", "F123", "Optionen ergänzen");
        String href = _get(report, Anchor.class).getHref();
        assertThat(href).startsWith("builder/");
        String key = href.substring("builder/".length());
        FormVersionInfo imported = forms.draft(key).orElseThrow();
        assertThat(imported.definition().at("/metadata/fimId").asText()).isEqualTo("T1234");

        // 2. the editor: publishing is blocked until the choice has options
        UI.getCurrent().navigate(href);
        assertThat(problemsHeading()).isEqualTo("Probleme (1)");
        click("editor-publish");
        assertThat(_find(Button.class, spec -> spec.withId("publish-confirm"))).isEmpty();
        assertThat(forms.versions(key)).allMatch(v -> v.status() == VersionStatus.DRAFT);
        assertThat(_get(Button.class, spec -> spec.withId("problem-0")).getText())
                .isEqualTo("Hinweis: Auswahlmöglichkeiten fehlen (options)");

        _click(_get(Button.class, spec -> spec.withId("node-0-0")));
        assertThat(_get(TextField.class, spec -> spec.withId("prop-key")).getValue()).isEqualTo(FIELD_KEY);
        String[][] options = {{"HINWEIS_A", "Erster Hinweis"}, {"HINWEIS_B", "Zweiter Hinweis"}};
        for (int i = 0; i < options.length; i++) {
            click("option-add");
            text("option-value-" + i, options[i][0]);
            text("option-label-de-" + i, options[i][1]);
        }
        assertThat(problemsHeading()).isEqualTo("Keine Probleme");
        assertThat(forms.validate(forms.draft(key).orElseThrow().definition())).isEmpty();

        // 3. publish with confirmation
        click("editor-publish");
        click("publish-confirm");
        FormVersionInfo published = forms.versions(key).stream()
                .filter(v -> v.status() == VersionStatus.PUBLISHED).findFirst().orElseThrow();
        assertThat(published.number()).isEqualTo(1);
        assertThat(_get(Span.class, spec -> spec.withId("editor-status")).getText())
                .isEqualTo("Version 1 veröffentlicht.");

        // 4. a citizen fills the form in the runtime and submits
        logout();
        UI.getCurrent().navigate("f/" + key);
        @SuppressWarnings("unchecked")
        Select<String> choice = _get(Select.class, spec -> spec.withId("field-" + FIELD_KEY));
        _setValue(choice, "HINWEIS_B");
        for (int i = 0; i < 5 && _find(Button.class, spec -> spec.withText("Absenden")).isEmpty(); i++) {
            _find(Checkbox.class, spec -> spec.withId("privacy-consent")).forEach(c -> _setValue(c, true));
            _click(_get(Button.class, spec -> spec.withText("Weiter")));
        }
        _click(_get(Button.class, spec -> spec.withText("Absenden")));
        String reference = _get(Span.class, spec -> spec.withId("reference")).getText();
        assertThat(reference).matches("FM-\\d{4}-\\d{6}");

        // 5. the XML document: valid against the version's XSD, with the FIM ids and the chosen option
        outbox.drain();
        await().atMost(Duration.ofSeconds(60)).until(() -> submissions.document(reference, "xml").isPresent());
        byte[] xml = submissions.document(reference, "xml").orElseThrow();
        PublishedForm form = forms.latestPublished(key).orElseThrow();
        assertThat(form.version()).isEqualTo(1);
        assertThat(XmlSchemas.problems(XmlSchemas.compile(SubmissionXml.deriveXsd(form.definition(), form.version())), xml))
                .isEmpty();

        Element root = XmlSchemas.parse(xml).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("urn:formularium:form:" + key + ":v1");
        assertThat(root.getElementsByTagNameNS("*", "reference").item(0).getTextContent()).isEqualTo(reference);
        Element formElement = (Element) root.getElementsByTagNameNS("*", "form").item(0);
        assertThat(formElement.getAttribute("fimId")).as("id of the FIM schema").isEqualTo("T1234");
        assertThat(formElement.getAttribute("fimVersion")).isEqualTo("1.0");
        Element data = (Element) root.getElementsByTagNameNS("*", "data").item(0);
        List<Element> answers = XmlSchemas.children(data);
        assertThat(answers).singleElement().satisfies(field -> {
            assertThat(field.getLocalName()).isEqualTo(FIELD_KEY);
            assertThat(field.getAttribute("fimId")).isEqualTo("F123");
            assertThat(field.getAttribute("fimVersion")).isEqualTo("1.0");
            assertThat(field.getTextContent()).isEqualTo("HINWEIS_B");
        });
    }

    // ---------------------------------------------------------------- helpers

    private static void click(String id) {
        _click(_get(Button.class, spec -> spec.withId(id)));
    }

    private static void text(String id, String value) {
        _setValue(_get(TextField.class, spec -> spec.withId(id)), value);
    }

    private static String problemsHeading() {
        return _get(H2.class, spec -> spec.withId("problems-heading")).getText();
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }
}
