package org.formularium.delivery;

import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.store.FormService;
import org.formularium.submission.SubmissionRecord;
import org.formularium.submission.SubmissionService;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/**
 * Whom to write to about a submission: the answer of the field the form names as its confirmation
 * address ({@code confirmation.emailElement}), in the citizen's language. One place for the event fan-outs
 * and the mails.
 */
@Component
class CitizenContact {

    private final SubmissionService submissions;
    private final FormService forms;

    CitizenContact(SubmissionService submissions, FormService forms) {
        this.submissions = submissions;
        this.forms = forms;
    }

    /** A submission with its definition and, where the form has one and it was answered, the e-mail address. */
    record Contact(SubmissionRecord submission, FormDefinition definition, Optional<String> email) {

        Locale locale() {
            return Locale.forLanguageTag(submission.language());
        }

        String formTitle() {
            return definition.title().get(locale());
        }
    }

    Contact of(long submissionId) {
        SubmissionRecord submission = submissions.find(submissionId).orElseThrow();
        FormDefinition definition = forms.published(submission.formKey(), submission.formVersion()).orElseThrow()
                .definition();
        Optional<String> email = Optional.ofNullable(definition.confirmation())
                .map(c -> c.emailElement())
                .map(element -> submission.data().path(element).asText(""))
                .filter(address -> !address.isBlank());
        return new Contact(submission, definition, email);
    }
}
