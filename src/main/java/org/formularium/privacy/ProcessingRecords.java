package org.formularium.privacy;

import org.formularium.api.keys.ApiKey;
import org.formularium.api.keys.ApiKeyService;
import org.formularium.api.keys.ApiScope;
import org.formularium.backoffice.ResponsibilityService;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.FormSummary;
import org.formularium.definition.store.PublishedForm;
import org.formularium.delivery.Webhook;
import org.formularium.delivery.WebhookService;
import org.formularium.shared.branding.BrandingPack;
import org.formularium.shared.branding.BrandingService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Records of processing activities (Art. 30 GDPR) of the published forms, from their latest published version and
 * the installation's configuration (branding pack, responsibilities, webhooks, API keys). For administrators.
 */
@Service
public class ProcessingRecords {

    private final FormService forms;
    private final BrandingService branding;
    private final ResponsibilityService responsibilities;
    private final WebhookService webhooks;
    private final ApiKeyService apiKeys;
    private final Clock clock;
    private final int defaultDraftDays;

    ProcessingRecords(FormService forms, BrandingService branding, ResponsibilityService responsibilities,
                      WebhookService webhooks, ApiKeyService apiKeys, Clock clock,
                      @Value("${formularium.drafts.ttl:30d}") Duration draftTtl) {
        this.forms = forms;
        this.branding = branding;
        this.responsibilities = responsibilities;
        this.webhooks = webhooks;
        this.apiKeys = apiKeys;
        this.clock = clock;
        this.defaultDraftDays = (int) Math.max(1, draftTtl.toDays());
    }

    /** The record of one published form, in the given language. */
    @Transactional(readOnly = true)
    public Optional<ProcessingRecord> of(String formKey, Locale locale) {
        return forms.latestPublished(formKey).map(form -> build(form, locale, readingKeys()));
    }

    /** The records of every published form, by form key. */
    @Transactional(readOnly = true)
    public List<ProcessingRecord> all(Locale locale) {
        List<String> keys = readingKeys();
        return forms.publishedForms().stream().map(FormSummary::key).sorted()
                .flatMap(key -> forms.latestPublished(key).stream())
                .map(form -> build(form, locale, keys))
                .toList();
    }

    /** The forms a record can be made for (published ones). */
    @Transactional(readOnly = true)
    public List<FormSummary> forms() {
        return forms.publishedForms();
    }

    private ProcessingRecord build(PublishedForm form, Locale locale, List<String> readingKeys) {
        BrandingPack pack = branding.forForm(form.key());
        String privacyLink = pack.links() == null ? null : pack.links().privacy();
        ProcessingRecordBuilder.Context context = new ProcessingRecordBuilder.Context(pack.organisation(locale),
                privacyLink, responsibilities.usersOf(form.key()),
                webhooks.enabledFor(form.key()).stream().map(Webhook::url).toList(), readingKeys, defaultDraftDays,
                OffsetDateTime.now(clock));
        return ProcessingRecordBuilder.build(form.definition(), form.version(), context, locale);
    }

    private List<String> readingKeys() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return apiKeys.list().stream()
                .filter(key -> key.activeAt(now) && key.scopes().contains(ApiScope.SUBMISSIONS_READ))
                .map(ApiKey::name).sorted().toList();
    }
}
