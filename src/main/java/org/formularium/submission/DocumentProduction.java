package org.formularium.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.outline.AnswerOutline;
import org.formularium.definition.schema.SubmissionJson;
import org.formularium.definition.schema.SubmissionXml;
import org.formularium.definition.schema.SubmissionEnvelope;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.PublishedForm;
import org.formularium.delivery.OutboxHandler;
import org.formularium.delivery.OutboxItem;
import org.formularium.document.AttachmentLine;
import org.formularium.document.Branding;
import org.formularium.document.Receipt;
import org.formularium.document.ReceiptLabels;
import org.formularium.document.ReceiptRenderer;
import org.formularium.shared.branding.BrandingPack;
import org.formularium.shared.branding.BrandingService;
import org.formularium.shared.i18n.Translations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * Outbox work after a submission commits: the JSON document (valid against the version's JSON Schema),
 * the XML (valid against its XSD) and the PDF/A-3a + PDF/UA-1 receipt that carries both as associated
 * files. Idempotent: documents that exist are kept.
 */
@Component
class DocumentProduction implements OutboxHandler {

    private final SubmissionRepository submissions;
    private final AttachmentRepository attachments;
    private final FormService forms;
    private final ReceiptRenderer renderer;
    private final BrandingService branding;
    private final Translations translations;
    private final Clock clock;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    /** Timer of PDF receipt rendering. */
    static final String METRIC_PDF = "formularium.pdf.render";

    DocumentProduction(SubmissionRepository submissions, AttachmentRepository attachments, FormService forms,
                       ReceiptRenderer renderer, BrandingService branding, Translations translations, Clock clock,
                       io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.submissions = submissions;
        this.attachments = attachments;
        this.forms = forms;
        this.renderer = renderer;
        this.branding = branding;
        this.translations = translations;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return SubmissionService.OUTBOX_DOCUMENTS;
    }

    @Override
    @Transactional
    public void handle(OutboxItem item) throws JsonProcessingException {
        SubmissionRecord submission = submissions.findById(item.submissionId()).orElseThrow();
        PublishedForm form = forms.published(submission.formKey(), submission.formVersion()).orElseThrow();
        Locale locale = Locale.forLanguageTag(submission.language());
        if (submission.deleted()) {
            return;
        }
        SubmissionEnvelope envelope = envelope(submission);
        byte[] jsonBytes = json(form, submission);
        byte[] xmlBytes = SubmissionXml.write(form.definition(), form.version(), envelope, submission.data());
        byte[] pdf = meters.timer(METRIC_PDF).record(() ->
                renderer.render(receipt(form.definition(), form.version(), submission, locale, jsonBytes, xmlBytes)));
        OffsetDateTime now = OffsetDateTime.now(clock);
        submissions.saveDocument(submission.id(), "json", "application/json", jsonBytes, SubmissionService.hashBytes(jsonBytes), now);
        submissions.saveDocument(submission.id(), "xml", "application/xml", xmlBytes, SubmissionService.hashBytes(xmlBytes), now);
        submissions.saveDocument(submission.id(), "pdf", "application/pdf", pdf, SubmissionService.hashBytes(pdf), now);
    }

    /** The submission's JSON document, exactly as stored and embedded in the PDF. */
    static byte[] json(PublishedForm form, SubmissionRecord submission) throws JsonProcessingException {
        ObjectNode json = SubmissionJson.write(form.definition(), form.version(), envelope(submission), submission.data());
        return DefinitionJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
    }

    private static SubmissionEnvelope envelope(SubmissionRecord submission) {
        return new SubmissionEnvelope(submission.reference(), submission.submittedAt(), submission.language());
    }

    Receipt receipt(FormDefinition definition, int version, SubmissionRecord submission, Locale locale,
                    byte[] json, byte[] xml) {
        AnswerOutline outline = AnswerOutline.build(definition, submission.data(), locale);
        BrandingPack pack = branding.active();
        String submittedAt = submission.submittedAt().atZoneSameInstant(clock.getZone())
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale));
        List<AttachmentLine> files = attachments.ofSubmission(submission.id()).stream()
                .map(a -> new AttachmentLine(a.name(), a.size(), a.sha256())).toList();
        return new Receipt(locale, definition.title().get(locale) + " – " + submission.reference(),
                Branding.of(pack.organisation(locale), pack.pdfHeader(locale), pack.pdfFooter(locale)),
                definition.title().get(locale), version, submission.reference(), submittedAt,
                ReceiptContent.pages(outline), files, json, xml, labels(locale));
    }

    private ReceiptLabels labels(Locale locale) {
        return new ReceiptLabels(t("receipt.reference", locale), t("receipt.submittedAt", locale),
                t("receipt.form", locale), t("receipt.version", locale), t("receipt.attachments", locale),
                t("receipt.attachmentName", locale), t("receipt.attachmentSize", locale), t("receipt.sha256", locale),
                t("receipt.pageXofY", locale), t("receipt.jsonDescription", locale), t("receipt.xmlDescription", locale));
    }

    private String t(String key, Locale locale) {
        return translations.getTranslation(key, locale);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
