package org.formularium.backoffice;

import org.formularium.definition.model.LocalizedText;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.PublishedForm;
import org.formularium.submission.SubmissionService;
import org.formularium.shared.ratelimit.RateLimits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The citizen's status lookup with reference number and access code (no account). It cannot be used to
 * find out which references exist: an unknown reference and a wrong code give the same answer through the
 * same code path (the access code check always compares a hash), and attempts are limited per client IP
 * address and per reference ({@link RateLimits.Limit#STATUS_LOOKUP}: {@code formularium.rate-limit.status-lookup.*},
 * default 10 in 10 minutes).
 */
@Service
public class StatusLookupService {

    private final SubmissionService submissions;
    private final ReviewRepository repository;
    private final FormService forms;
    private final RateLimits limits;

    StatusLookupService(SubmissionService submissions, ReviewRepository repository, FormService forms,
                        RateLimits limits) {
        this.submissions = submissions;
        this.repository = repository;
        this.forms = forms;
        this.limits = limits;
    }

    @Transactional(readOnly = true)
    public StatusLookupResult lookup(String reference, String accessCode, String clientAddress) {
        String normalised = reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
        Optional<java.time.Instant> retryAt = limits.tryAcquire(RateLimits.Limit.STATUS_LOOKUP, List.of(
                RateLimits.clientKey(clientAddress), "reference:" + normalised));
        if (retryAt.isPresent()) {
            return new StatusLookupResult.TooManyAttempts(retryAt.get());
        }
        if (!submissions.accessCodeMatches(normalised, accessCode)) {
            return new StatusLookupResult.NotFound();
        }
        return repository.find(normalised).<StatusLookupResult>map(submission -> {
            List<PublicStatus.Step> steps = repository.history(submission.id()).stream()
                    .filter(e -> e.kind() == HistoryEntry.Kind.STATUS)
                    .map(e -> new PublicStatus.Step(e.at(), e.to(), e.publicComment()))
                    .toList();
            LocalizedText title = forms.published(submission.formKey(), submission.formVersion())
                    .map(PublishedForm::definition).map(d -> d.title())
                    .orElse(LocalizedText.of(submission.formKey(), submission.formKey()));
            return new StatusLookupResult.Found(new PublicStatus(submission.reference(), title, submission.status(),
                    submission.submittedAt(), submission.statusChangedAt(), steps));
        }).orElseGet(StatusLookupResult.NotFound::new);
    }
}
