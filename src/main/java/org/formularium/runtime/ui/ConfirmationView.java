package org.formularium.runtime.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.formularium.definition.model.Confirmation;
import org.formularium.definition.model.LocalizedText;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.PublishedForm;
import org.formularium.submission.SubmissionReceipt;
import org.formularium.submission.SubmissionService;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;

import java.io.ByteArrayInputStream;
import java.util.Optional;

/**
 * "Antrag eingegangen": the reference number, the access code for the status lookup, the form's confirmation
 * text and the PDF receipt (made shortly after submitting; until then the page says so and offers to check again).
 */
@Route(value = "f/:key/bestaetigung", layout = MainLayout.class)
@AnonymousAllowed
public class ConfirmationView extends ViewSupport implements BeforeEnterObserver {

    private static final String RECEIPT = "formularium.receipt.";

    private final transient SubmissionService submissions;
    private final transient FormService forms;
    final Div receiptArea = new Div();
    private SubmissionReceipt receipt;

    ConfirmationView(SubmissionService submissions, FormService forms) {
        this.submissions = submissions;
        this.forms = forms;
        addClassName("confirmation-view");
    }

    static void store(VaadinSession session, SubmissionReceipt receipt) {
        Object earlier = session.getAttribute(RECEIPT + receipt.formKey());
        if (receipt.replay() && earlier instanceof SubmissionReceipt first && first.reference().equals(receipt.reference())) {
            return; // keep the first answer: only it carries the access code
        }
        session.setAttribute(RECEIPT + receipt.formKey(), receipt);
    }

    static RouteParameters parameters(String formKey) {
        return new RouteParameters("key", formKey);
    }

    @Override
    protected String titleKey() {
        return "confirmation.title";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String key = event.getRouteParameters().get("key").orElse("");
        removeAll();
        H1 heading = heading();
        add(heading);
        Object stored = VaadinSession.getCurrent().getAttribute(RECEIPT + key);
        if (!(stored instanceof SubmissionReceipt found)) {
            add(new Paragraph(getTranslation("confirmation.none")), new Anchor("f/" + key, getTranslation("confirmation.toForm")));
            return;
        }
        receipt = found;
        Optional<PublishedForm> form = forms.published(key, receipt.formVersion());
        Div panel = new Div();
        panel.addClassName("confirmation-panel");
        DescriptionList facts = new DescriptionList();
        Span reference = new Span(receipt.reference());
        reference.setId("reference");
        reference.addClassName("reference");
        facts.add(new DescriptionList.Term(getTranslation("confirmation.reference")), new DescriptionList.Description(reference));
        if (receipt.accessCode() != null) {
            Span code = new Span(receipt.accessCode());
            code.setId("access-code");
            code.addClassName("reference");
            facts.add(new DescriptionList.Term(getTranslation("confirmation.accessCode")), new DescriptionList.Description(code));
        }
        panel.add(facts);
        add(panel);
        add(new Paragraph(getTranslation(receipt.accessCode() != null ? "confirmation.keep" : "confirmation.replay")));
        form.map(f -> f.definition().confirmation()).map(Confirmation::text).ifPresent(this::addText);
        H2 pdfHeading = new H2(getTranslation("confirmation.pdf.title"));
        receiptArea.addClassName("receipt-area");
        add(pdfHeading, receiptArea);
        showReceipt(false);
        add(new Anchor("forms", getTranslation("error.backToForms")));
    }

    private void addText(LocalizedText text) {
        Paragraph paragraph = new Paragraph(text.get(getLocale()));
        String own = text.values().get(getLocale().getLanguage());
        if (own == null || own.isEmpty()) {
            paragraph.getElement().setAttribute("lang", LocalizedText.GERMAN);
        }
        add(paragraph);
    }

    /** The PDF download once it exists, else a note and a button to check again. */
    void showReceipt(boolean announce) {
        receiptArea.removeAll();
        String reference = receipt.reference();
        Optional<byte[]> pdf = submissions.document(reference, "pdf");
        Paragraph status = new Paragraph();
        status.getElement().setAttribute("role", "status");
        if (pdf.isPresent()) {
            byte[] bytes = pdf.get();
            Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(bytes), "Empfangsbestaetigung-" + reference + ".pdf", "application/pdf",
                    bytes.length)), getTranslation("confirmation.pdf.download", reference));
            download.setDownload(true);
            download.setId("receipt-download");
            if (announce) {
                status.setText(getTranslation("confirmation.pdf.ready"));
            }
            receiptArea.add(download, status);
        } else {
            status.setText(getTranslation("confirmation.pdf.pending"));
            Button retry = new Button(getTranslation("confirmation.pdf.retry"), e -> showReceipt(true));
            retry.setId("receipt-retry");
            receiptArea.add(status, retry);
        }
    }
}
