package org.formularium.delivery;

import com.sun.net.httpserver.HttpServer;
import org.formularium.definition.store.FormService;
import org.formularium.submission.Channel;
import org.formularium.submission.SubmissionReceipt;
import org.formularium.submission.SubmissionService;
import org.formularium.submission.SubmitCommand;
import org.formularium.support.AbstractDatabaseTest;
import org.formularium.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A real HTTP receiver on localhost checks signatures and answers 500 twice before accepting. */
class WebhookDeliveryTest extends AbstractDatabaseTest {

    @Autowired
    WebhookService webhooks;
    @Autowired
    SubmissionService submissions;
    @Autowired
    FormService forms;
    @Autowired
    JdbcTemplate jdbc;

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    record Received(String body, String signature, String eventId, int answeredWith) {
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            received.add(new Received(body, exchange.getRequestHeaders().getFirst(WebhookService.SIGNATURE_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookService.EVENT_ID_HEADER), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void a_submission_is_posted_signed_and_retried_after_server_errors() {
        String formKey = TestData.uniqueKey("hook");
        forms.create(TestData.contactForm(formKey, false), "test", true);
        Webhook webhook = webhooks.add(formKey, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "admin");
        failuresLeft.set(2);

        SubmissionReceipt receipt = submit(formKey);

        await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().anyMatch(r -> r.answeredWith() == 204));
        assertThat(received).hasSize(3);
        assertThat(received).extracting(Received::eventId).containsOnly(received.get(0).eventId());
        Received accepted = received.get(2);
        assertThat(accepted.body()).contains(receipt.reference(), formKey, "submission.received")
                .doesNotContain("Weißmüller");
        long t = Long.parseLong(accepted.signature().replaceAll("t=(\\d+),v1=.*", "$1"));
        assertThat(accepted.signature()).isEqualTo(WebhookService.signature(webhook.secret(), t, accepted.body()));
        assertThat(WebhookService.signature("whsec_wrong", t, accepted.body())).isNotEqualTo(accepted.signature());
        assertThat(webhooks.deliveries(webhook.id(), 10)).extracting(WebhookRepository.Delivery::statusCode)
                .containsExactly(204, 500, 500);
    }

    @Test
    void a_webhook_that_keeps_failing_is_dead_lettered_and_can_be_retried_by_an_admin() {
        String formKey = TestData.uniqueKey("dead");
        forms.create(TestData.contactForm(formKey, false), "test", true);
        webhooks.add(formKey, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "admin");
        failuresLeft.set(1000);

        SubmissionReceipt receipt = submit(formKey);

        long submissionId = submissions.find(receipt.reference()).orElseThrow().id();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from outbox where submission_id = ? and kind = 'WEBHOOK' and status = 'DEAD'",
                Integer.class, submissionId) == 1);
        assertThat(received).hasSize(4);

        failuresLeft.set(0);
        long deadId = jdbc.queryForObject("select id from outbox where submission_id = ? and kind = 'WEBHOOK'",
                Long.class, submissionId);
        assertThat(worker.retryNow(deadId)).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> received.stream().anyMatch(r -> r.answeredWith() == 204));
        // the worker marks the item done after the answer arrived: on a loaded machine that takes a moment
        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(
                jdbc.queryForObject("select status from outbox where id = ?", String.class, deadId)));
    }

    @Test
    void webhook_urls_must_be_http_urls() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> webhooks.add("x", "file:///etc/passwd", "admin"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Autowired
    OutboxWorker worker;

    private SubmissionReceipt submit(String formKey) {
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) TestData.parse("{}");
        data.put("name", "Jürgen Weißmüller");
        return submissions.submit(new SubmitCommand(formKey, null, data, Locale.GERMAN, UUID.randomUUID().toString(),
                Channel.API, null, null));
    }
}
