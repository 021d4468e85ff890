package org.formularium.backoffice;

import org.formularium.definition.DefinitionJson;
import org.formularium.definition.model.FileElement;
import org.formularium.definition.store.PublishedForm;
import org.formularium.security.Role;
import org.formularium.submission.AttachmentService;
import org.formularium.submission.Channel;
import org.formularium.submission.StoredAttachment;
import org.formularium.submission.SubmitCommand;
import org.formularium.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A clerk reaches only the submissions of their forms, through every path: detail, documents, attachments. */
class CaseAccessTest extends BackofficeTestBase {

    @Autowired
    CaseService cases;
    @Autowired
    AttachmentService attachments;

    String clerk;
    String form;
    String foreignForm;

    @BeforeEach
    void forms() {
        clerk = user("zugriff");
        form = contactFormFor(clerk);
        foreignForm = contactFormFor(user("fremd"));
    }

    @Test
    void a_foreign_reference_looks_exactly_like_an_unknown_one() {
        String foreign = submit(foreignForm, "Fremd").reference();
        login(clerk, Role.CLERK);

        assertThat(cases.find(foreign)).isEmpty();
        assertThat(cases.find("FM-1999-999999")).isEmpty();
        assertThatThrownBy(() -> cases.open(foreign)).isInstanceOf(SubmissionNotFoundException.class)
                .hasMessage(new SubmissionNotFoundException(foreign).getMessage());
        assertThatThrownBy(() -> cases.history(foreign)).isInstanceOf(SubmissionNotFoundException.class);
        assertThatThrownBy(() -> cases.notes(foreign)).isInstanceOf(SubmissionNotFoundException.class);
    }

    @Test
    void documents_and_attachments_of_a_foreign_submission_cannot_be_downloaded() {
        ForeignUpload upload = foreignSubmissionWithPhoto();
        storeDocuments(upload.reference());
        login(clerk, Role.CLERK);

        for (String kind : CaseService.DOCUMENT_KINDS) {
            assertThatThrownBy(() -> cases.document(upload.reference(), kind))
                    .isInstanceOf(SubmissionNotFoundException.class);
        }
        assertThatThrownBy(() -> cases.attachments(upload.reference())).isInstanceOf(SubmissionNotFoundException.class);
        assertThatThrownBy(() -> cases.attachment(upload.reference(), upload.attachment()))
                .isInstanceOf(SubmissionNotFoundException.class);
    }

    @Test
    void an_attachment_of_another_submission_cannot_be_fetched_through_an_own_reference() {
        ForeignUpload upload = foreignSubmissionWithPhoto();
        String own = submit(form, "Eigen").reference();
        login(clerk, Role.CLERK);

        assertThat(cases.attachment(own, upload.attachment())).isEmpty();
        assertThat(cases.document(own, "../../etc/passwd")).isEmpty();
    }

    @Test
    void the_responsible_clerk_and_an_admin_can_download_documents_and_attachments() {
        ForeignUpload upload = foreignSubmissionWithPhoto();
        storeDocuments(upload.reference());

        login(user("admin"), Role.ADMIN);
        assertThat(cases.attachment(upload.reference(), upload.attachment())).get()
                .satisfies(bytes -> assertThat(bytes).isEqualTo(TestData.pngBytes()));
        assertThat(cases.document(upload.reference(), "pdf")).isPresent();
        assertThat(cases.attachments(upload.reference())).extracting(StoredAttachment::name).containsExactly("foto.png");
    }

    record ForeignUpload(String reference, UUID attachment) {
    }

    private ForeignUpload foreignSubmissionWithPhoto() {
        PublishedForm published = forms.latestPublished(foreignForm).orElseThrow();
        FileElement photo = (FileElement) published.definition().formScopeElements().stream()
                .filter(e -> e.key().equals("photo")).findFirst().orElseThrow();
        StoredAttachment stored = attachments.upload(foreignForm, photo, "foto.png",
                new ByteArrayInputStream(TestData.pngBytes()));
        var data = DefinitionJson.mapper().createObjectNode().put("name", "Mit Foto");
        data.putArray("photo").addObject().put("id", stored.id().toString());
        String reference = submissions.submit(new SubmitCommand(foreignForm, null, data, Locale.GERMAN,
                "att-" + UUID.randomUUID(), Channel.RUNTIME, null, null)).reference();
        return new ForeignUpload(reference, stored.id());
    }

    /** The outbox would produce the documents; here they are stored directly. */
    private void storeDocuments(String reference) {
        for (String kind : CaseService.DOCUMENT_KINDS) {
            jdbc.update("""
                    insert into submission_document (submission_id, kind, media_type, content, sha256, created_at)
                    select id, ?, 'application/octet-stream', ?, repeat('0', 64), now() from submission where reference = ?
                    on conflict do nothing""", kind, ("%" + kind).getBytes(), reference);
        }
    }
}
