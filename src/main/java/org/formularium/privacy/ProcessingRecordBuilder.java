package org.formularium.privacy;

import org.formularium.definition.model.ContainerElement;
import org.formularium.definition.model.Element;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.GroupElement;
import org.formularium.definition.model.InputElement;
import org.formularium.definition.model.LocalizedText;
import org.formularium.definition.model.Page;
import org.formularium.definition.model.Privacy;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link ProcessingRecord} from a form definition and what the installation knows about the form (pure:
 * no database, unit-tested for every demo form). Categories of data come from the fields ({@link DataCategory}),
 * recipients from the webhooks (hosts only), the clerks' notifications and the API keys that may read submissions.
 */
public final class ProcessingRecordBuilder {

    /** Technical and organisational measures of the installation (Art. 32), the same for every form. */
    static final List<LocalizedText> MEASURES = List.of(
            LocalizedText.of("Verschlüsselung der Übertragung (TLS am Reverse Proxy) und der gespeicherten Antworten, "
                            + "Anhänge und Dokumente (AES-256-GCM, Schlüssel außerhalb der Datenbank)",
                    "Encryption in transit (TLS at the reverse proxy) and of stored answers, attachments and documents "
                            + "(AES-256-GCM, keys outside the database)"),
            LocalizedText.of("Zugriffskontrolle nach Rollen (Verwaltung, Gestaltung, Sachbearbeitung) und Zuständigkeit "
                            + "je Formular; API-Schlüssel mit Berechtigungen, nur als Hash gespeichert",
                    "Access control by role (administration, design, clerks) and responsibility per form; API keys "
                            + "with scopes, stored only as hashes"),
            LocalizedText.of("Protokollierung von Zugriffen und Änderungen in einem manipulationssicheren Audit-Log",
                    "Logging of access and changes in a tamper-evident audit log"),
            LocalizedText.of("Automatische Löschung nach Ablauf der Speicherdauer; Auskunft, Datenübertragung und "
                            + "Löschung auf Antrag betroffener Personen",
                    "Automatic deletion when the retention period ends; access, portability and erasure on request "
                            + "of data subjects"),
            LocalizedText.of("Schutz vor Missbrauch: Begrenzung der Anfragen, Spam-Schutz ohne Tracking, Prüfung "
                            + "hochgeladener Dateien nach Inhalt",
                    "Protection against abuse: rate limits, spam protection without tracking, uploads checked by "
                            + "content"),
            LocalizedText.of("Datensparsamkeit: Webhooks und E-Mails an die Verwaltung enthalten keine Antworten; "
                            + "Anmeldung für Bürgerinnen und Bürger nicht erforderlich",
                    "Data minimisation: webhooks and e-mails to staff carry no answers; citizens need no account"));

    static final LocalizedText APPLICANTS = LocalizedText.of(
            "Antragstellende bzw. Einreichende (Bürgerinnen und Bürger, Unternehmen und Vereine mit ihren Ansprechpersonen)",
            "Applicants and senders (citizens, businesses and associations with their contact persons)");
    static final LocalizedText FURTHER_PERSONS = LocalizedText.of(
            "Weitere Personen, die in wiederholbaren Abschnitten angegeben werden",
            "Further persons named in repeating sections");
    static final LocalizedText CLERKS = LocalizedText.of("Zuständige Sachbearbeitung (intern)", "Responsible clerks (internal)");
    static final LocalizedText CLERK_MAIL = LocalizedText.of("E-Mail-Benachrichtigung der Sachbearbeitung",
            "E-mail notification of the clerks");
    static final LocalizedText CLERK_MAIL_DETAIL = LocalizedText.of(
            "Aktenzeichen und Link in die Sachbearbeitung, keine Antworten",
            "Reference and link into the back office, no answers");
    static final LocalizedText WEBHOOK = LocalizedText.of("Webhook (Fachverfahren)", "Webhook (downstream system)");
    static final LocalizedText WEBHOOK_DETAIL = LocalizedText.of(
            "Ereignis mit Aktenzeichen und Links; die Antworten ruft das Fachverfahren über die API ab",
            "Event with reference and links; the downstream system fetches the answers through the API");
    static final LocalizedText API_KEY = LocalizedText.of("API-Schlüssel mit Leserecht auf Eingänge",
            "API key that may read submissions");
    static final LocalizedText NOBODY_RESPONSIBLE = LocalizedText.of("noch niemand zugeordnet", "nobody assigned yet");

    private ProcessingRecordBuilder() {
    }

    /**
     * What the installation knows about a form besides its definition.
     *
     * @param organisation       the controller's name from the branding pack
     * @param privacyContact     the link to the organisation's privacy page (or {@code null})
     * @param responsibleUsers   users responsible for the form (directly or by group)
     * @param webhookUrls        URLs of the form's enabled webhooks (only their hosts appear in the record)
     * @param readingApiKeys     names of active API keys with the scope to read submissions
     * @param draftRetentionDays default lifetime of drafts when the definition gives none
     */
    public record Context(String organisation, String privacyContact, List<String> responsibleUsers,
                          List<String> webhookUrls, List<String> readingApiKeys, int draftRetentionDays,
                          OffsetDateTime now) {
        public Context {
            responsibleUsers = List.copyOf(responsibleUsers);
            webhookUrls = List.copyOf(webhookUrls);
            readingApiKeys = List.copyOf(readingApiKeys);
        }
    }

    public static ProcessingRecord build(FormDefinition definition, int version, Context context, Locale locale) {
        Privacy privacy = definition.privacy();
        String controller = context.organisation();
        if (privacy != null && privacy.controller() != null) {
            controller = controller + " – " + privacy.controller().get(locale);
        }
        List<String> purposes = new ArrayList<>();
        purposes.add(definition.title().get(locale));
        if (definition.description() != null) {
            purposes.add(definition.description().get(locale));
        }
        if (privacy != null && privacy.purpose() != null) {
            purposes.add(privacy.purpose().get(locale));
        }
        Map<DataCategory, Set<String>> fields = new EnumMap<>(DataCategory.class);
        boolean[] personsInGroups = {false};
        for (Page page : definition.pages()) {
            collect(page.elements(), false, fields, personsInGroups, locale);
        }
        List<ProcessingRecord.Category> categories = fields.entrySet().stream()
                .map(e -> new ProcessingRecord.Category(e.getKey(), e.getKey().label(locale), List.copyOf(e.getValue())))
                .toList();
        List<String> subjects = new ArrayList<>();
        subjects.add(APPLICANTS.get(locale));
        if (personsInGroups[0]) {
            subjects.add(FURTHER_PERSONS.get(locale));
        }
        List<ProcessingRecord.Recipient> recipients = new ArrayList<>();
        recipients.add(new ProcessingRecord.Recipient(ProcessingRecord.Recipient.Kind.CLERKS, CLERKS.get(locale),
                context.responsibleUsers().isEmpty() ? NOBODY_RESPONSIBLE.get(locale)
                        : String.join(", ", context.responsibleUsers())));
        if (!context.responsibleUsers().isEmpty()) {
            recipients.add(new ProcessingRecord.Recipient(ProcessingRecord.Recipient.Kind.CLERK_MAIL,
                    CLERK_MAIL.get(locale), CLERK_MAIL_DETAIL.get(locale)));
        }
        context.webhookUrls().stream().map(ProcessingRecordBuilder::host).distinct().forEach(host ->
                recipients.add(new ProcessingRecord.Recipient(ProcessingRecord.Recipient.Kind.WEBHOOK,
                        WEBHOOK.get(locale) + ": " + host, WEBHOOK_DETAIL.get(locale))));
        context.readingApiKeys().forEach(name -> recipients.add(new ProcessingRecord.Recipient(
                ProcessingRecord.Recipient.Kind.API_KEY, API_KEY.get(locale) + ": " + name, "")));
        Integer draftDays = privacy == null ? null : privacy.draftRetentionDays();
        return new ProcessingRecord(definition.key(), version, locale.getLanguage(), definition.title().get(locale),
                controller, context.privacyContact(), purposes,
                privacy == null || privacy.legalBasis() == null ? null : privacy.legalBasis().get(locale),
                categories, subjects, recipients, privacy == null ? null : privacy.retentionDays(),
                draftDays == null ? context.draftRetentionDays() : draftDays,
                MEASURES.stream().map(m -> m.get(locale)).toList(), context.now());
    }

    private static void collect(List<Element> elements, boolean inGroup, Map<DataCategory, Set<String>> fields,
                                boolean[] personsInGroups, Locale locale) {
        for (Element element : elements) {
            if (element instanceof InputElement input) {
                DataCategory.of(input).ifPresent(category -> {
                    fields.computeIfAbsent(category, c -> new LinkedHashSet<>()).add(input.label().get(locale));
                    if (inGroup && category.identifiesAPerson()) {
                        personsInGroups[0] = true;
                    }
                });
            }
            if (element instanceof ContainerElement container) {
                collect(container.elements(), inGroup || element instanceof GroupElement, fields, personsInGroups, locale);
            }
        }
    }

    /** Only the host of a webhook URL goes into the record (paths may carry tokens). */
    static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "?" : host;
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }
}
