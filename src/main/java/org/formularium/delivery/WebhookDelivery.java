package org.formularium.delivery;

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

/** Outbox kind {@code WEBHOOK}: one signed POST of an event to one webhook; non-2xx is retried. */
@Component
class WebhookDelivery implements OutboxHandler {

    static final String KIND = "WEBHOOK";

    private final WebhookRepository webhooks;
    private final Clock clock;
    private final HttpClient http;
    private final Duration timeout;

    WebhookDelivery(WebhookRepository webhooks, Clock clock,
                    @Value("${formularium.webhooks.timeout:PT10S}") Duration timeout) {
        this.webhooks = webhooks;
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void handle(OutboxItem item) throws IOException, InterruptedException {
        long webhookId = item.payload().path("webhookId").asLong();
        Webhook webhook = webhooks.find(webhookId).orElse(null);
        if (webhook == null || !webhook.enabled()) {
            return; // removed or disabled meanwhile: nothing to deliver
        }
        String body = item.payload().path("event").toString();
        long now = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Formularium-Webhooks/1")
                .header(WebhookService.EVENT_ID_HEADER, item.payload().path("event").path("id").asText())
                .header(WebhookService.SIGNATURE_HEADER, WebhookService.signature(webhook.secret(), now, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long start = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status < 200 || status > 299) {
                error = "HTTP " + status;
            }
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } finally {
            int ms = (int) ((System.nanoTime() - start) / 1_000_000);
            webhooks.logDelivery(item.id(), webhookId, item.attempt(), status, error, ms, OffsetDateTime.now(clock));
        }
        if (error != null) {
            throw new IOException("webhook " + webhookId + " failed: " + error);
        }
    }
}
