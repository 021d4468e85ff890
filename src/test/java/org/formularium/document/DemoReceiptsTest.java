package org.formularium.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.schema.SubmissionJsonSchema;
import org.formularium.definition.schema.SubmissionXml;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.PublishedForm;
import org.formularium.delivery.OutboxWorker;
import org.formularium.submission.AttachmentService;
import org.formularium.submission.Channel;
import org.formularium.submission.SubmissionReceipt;
import org.formularium.submission.SubmissionService;
import org.formularium.submission.SubmitCommand;
import org.formularium.support.AbstractDatabaseTest;
import org.formularium.support.DemoSubmissions;
import org.formularium.support.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.verapdf.pdfa.flavours.PDFAFlavour;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline per demo form: the sample submission goes in through the ingest service; the outbox
 * produces the PDF receipt, the JSON and the XML; the PDF is PDF/A-3a and PDF/UA-1 (veraPDF), carries
 * exactly the stored JSON and XML, the JSON is valid against the version's JSON Schema and the XML against
 * its XSD.
 */
class DemoReceiptsTest extends AbstractDatabaseTest {

    @Autowired
    SubmissionService submissions;
    @Autowired
    AttachmentService attachments;
    @Autowired
    FormService forms;
    @Autowired
    OutboxWorker outbox;

    @ParameterizedTest
    @ValueSource(strings = {"buecherwunsch", "fischereischein", "fundsache", "veranstaltung", "parkausweis",
            "ideen-beschwerden"})
    void the_receipt_of_each_demo_form_is_archivable_and_carries_valid_data(String formKey) throws Exception {
        PublishedForm form = forms.latestPublished(formKey).orElseThrow();
        var data = DemoSubmissions.withRealUploads(form.definition(), TestData.demoSubmission(formKey), attachments);

        SubmissionReceipt receipt = submissions.submit(new SubmitCommand(formKey, null, data, Locale.GERMAN,
                UUID.randomUUID().toString(), Channel.RUNTIME, null, null));
        outbox.drain();
        await().atMost(Duration.ofSeconds(60)).until(() -> submissions.document(receipt.reference(), "pdf").isPresent());

        byte[] pdf = submissions.document(receipt.reference(), "pdf").orElseThrow();
        byte[] json = submissions.document(receipt.reference(), "json").orElseThrow();
        byte[] xml = submissions.document(receipt.reference(), "xml").orElseThrow();
        assertThat(VeraPdf.failures(pdf, PDFAFlavour.PDFA_3_A)).as("PDF/A-3a").isNull();
        assertThat(VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1)).as("PDF/UA-1").isNull();
        try (PdfInspection inspection = new PdfInspection(pdf)) {
            assertThat(inspection.associatedFiles()).anySatisfy(f -> {
                assertThat(f.relationship()).isEqualTo("Data");
                assertThat(f.content()).isEqualTo(json);
            });
            assertThat(inspection.associatedFiles()).anySatisfy(f -> {
                assertThat(f.relationship()).isEqualTo("Source");
                assertThat(f.content()).isEqualTo(xml);
            });
            assertThat(inspection.text(1)).contains(receipt.reference());
        }

        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SubmissionJsonSchema.derive(form.definition(), form.version()));
        JsonNode document = DefinitionJson.mapper().readTree(json);
        assertThat(schema.validate(document)).as("JSON against its schema").isEmpty();
        assertThat(document.path("reference").asText()).isEqualTo(receipt.reference());

        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        Validator validator = factory.newSchema(new StreamSource(new StringReader(
                SubmissionXml.deriveXsd(form.definition(), form.version())))).newValidator();
        validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    @org.junit.jupiter.api.Test
    void unicode_a_citizen_can_type_passes_through_pdf_json_and_xml() throws Exception {
        String formKey = TestData.uniqueKey("unicode");
        forms.create(TestData.contactForm(formKey, false), "test", true);
        String torture = "Ärger über Öl & Straße – 12 € \u202E evil \u0007\u0000 \uD800 \uFEFF Weiß\u00AD"
                + " Łódź Çağrı Ελλάδα Москва עברית العربية 中文 😀👨‍👩‍👧🇩🇪 <x>&amp;]]>";
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) TestData.parse("{}");
        data.put("name", torture);

        SubmissionReceipt receipt = submissions.submit(new SubmitCommand(formKey, null, data, Locale.GERMAN,
                UUID.randomUUID().toString(), Channel.API, null, null));
        outbox.drain();
        await().atMost(Duration.ofSeconds(60)).until(() -> submissions.document(receipt.reference(), "pdf").isPresent());

        byte[] pdf = submissions.document(receipt.reference(), "pdf").orElseThrow();
        assertThat(VeraPdf.failures(pdf, PDFAFlavour.PDFA_3_A)).isNull();
        assertThat(VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1)).isNull();
        JsonNode json = DefinitionJson.mapper().readTree(submissions.document(receipt.reference(), "json").orElseThrow());
        assertThat(json.path("data").path("name").asText()).contains("Łódź", "עברית", "😀");
        PublishedForm form = forms.latestPublished(formKey).orElseThrow();
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(new StreamSource(new StringReader(SubmissionXml.deriveXsd(form.definition(), form.version()))))
                .newValidator().validate(new StreamSource(new ByteArrayInputStream(
                        submissions.document(receipt.reference(), "xml").orElseThrow())));
    }
}
