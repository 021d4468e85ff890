package org.formularium.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Sends one signed {@code webhook.test} event synchronously (admins' "test delivery"); nothing is queued or logged. */
@Component
class WebhookTester {

    static final String TEST_EVENT = "webhook.test";

    private final ObjectMapper json;
    private final Clock clock;
    private final Duration timeout;
    private final HttpClient http;

    WebhookTester(ObjectMapper json, Clock clock, @Value("${formularium.webhooks.timeout:PT10S}") Duration timeout) {
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    WebhookService.TestResult send(Webhook webhook) {
        String eventId = "evt-test-" + UUID.randomUUID();
        ObjectNode event = json.createObjectNode();
        event.put("id", eventId);
        event.put("type", TEST_EVENT);
        event.put("createdAt", OffsetDateTime.now(clock).toString());
        event.putObject("data").put("webhookId", webhook.id()).putObject("form").put("key", webhook.formKey());
        String body = event.toString();
        long now = clock.instant().getEpochSecond();
        long start = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Formularium-Webhooks/1")
                    .header(WebhookService.EVENT_ID_HEADER, eventId)
                    .header(WebhookService.SIGNATURE_HEADER, WebhookService.signature(webhook.secret(), now, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new WebhookService.TestResult(response.statusCode(), null, millisSince(start));
        } catch (IOException | IllegalArgumentException e) {
            return new WebhookService.TestResult(null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WebhookService.TestResult(null, "interrupted", millisSince(start));
        }
    }

    private static int millisSince(long start) {
        return (int) ((System.nanoTime() - start) / 1_000_000);
    }
}
