package org.formularium.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.formularium.api.keys.ApiScope;
import org.formularium.definition.store.FormService;
import org.formularium.support.AbstractApiTest;
import org.formularium.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SubmissionsApiTest extends AbstractApiTest {

    @Autowired
    FormService forms;

    String formKey;
    String writer;
    String reader;

    @BeforeEach
    void form() {
        formKey = TestData.uniqueKey("apisub");
        forms.create(TestData.contactForm(formKey, false), "test", true);
        writer = keyWith(ApiScope.SUBMISSIONS_WRITE);
        reader = keyWith(ApiScope.SUBMISSIONS_READ);
    }

    @Test
    void a_submission_is_created_once_per_idempotency_key() throws Exception {
        String idempotencyKey = UUID.randomUUID().toString();

        HttpResponse<String> first = submit("{\"name\": \"Jürgen Groß\", \"email\": \"j@example.de\"}", idempotencyKey);
        HttpResponse<String> again = submit("{\"name\": \"Jürgen Groß\", \"email\": \"j@example.de\"}", idempotencyKey);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode created = json(first);
        assertThat(created.path("reference").asText()).matches("FM-\\d{4}-\\d{6}");
        assertThat(created.path("links").path("pdf").asText()).endsWith("/pdf");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).path("reference").asText()).isEqualTo(created.path("reference").asText());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    }

    @Test
    void invalid_data_gets_422_with_every_field_error_in_the_requested_language() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/forms/" + formKey + "/submissions")
                .header("Authorization", "Bearer " + writer).header("Content-Type", JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Accept-Language", "de")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"nicht gültig\"}")));

        JsonNode problem = assertProblem(response, 422);
        assertThat(FormsApiTest.stream(problem.path("errors")).map(e -> e.path("path").asText() + ":" + e.path("code").asText()))
                .containsExactlyInAnyOrder("name:REQUIRED", "email:INVALID_EMAIL");
        assertThat(problem.path("errors").toString()).contains("Name");
    }

    @Test
    void a_missing_idempotency_key_or_a_reused_one_is_refused() throws Exception {
        assertProblem(send(request("/api/v1/forms/" + formKey + "/submissions")
                .header("Authorization", "Bearer " + writer).header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"A\"}"))), 400);
        String key = UUID.randomUUID().toString();
        submit("{\"name\": \"A\"}", key);
        assertProblem(submit("{\"name\": \"B\"}", key), 422);
    }

    @Test
    void files_are_uploaded_first_and_referenced_by_id() throws Exception {
        HttpResponse<String> upload = upload("photo", "foto.png", TestData.pngBytes());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        String id = json(upload).path("id").asText();

        HttpResponse<String> created = submit("{\"name\": \"Mit Foto\", \"photo\": [{\"id\": \"" + id + "\"}]}",
                UUID.randomUUID().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        HttpResponse<byte[]> file = http.send(request("/api/v1/attachments/" + id).header("Authorization", "Bearer " + reader)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(TestData.pngBytes());

        JsonNode rejected = assertProblem(upload("photo", "foto.png", "GIF89a not allowed".getBytes()), 422);
        assertThat(rejected.path("errors").path(0).path("code").asText()).isEqualTo("TYPE_NOT_ALLOWED");
    }

    @Test
    void downstream_systems_page_read_acknowledge_and_fetch_documents() throws Exception {
        String reference = json(submit("{\"name\": \"Downstream\"}", UUID.randomUUID().toString())).path("reference").asText();

        JsonNode page = json(get("/api/v1/submissions?form=" + formKey + "&acknowledged=false&limit=1", reader));
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("items").path(0).path("reference").asText()).isEqualTo(reference);

        JsonNode document = json(get("/api/v1/submissions/" + reference, reader));
        assertThat(document.path("data").path("name").asText()).isEqualTo("Downstream");
        assertThat(document.path("form").path("key").asText()).isEqualTo(formKey);

        await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/v1/submissions/" + reference + "/pdf", reader).statusCode() == 200);
        HttpResponse<String> xml = get("/api/v1/submissions/" + reference + "/xml", reader);
        assertThat(xml.body()).contains("<reference>" + reference + "</reference>");

        HttpResponse<String> ack = post("/api/v1/submissions/" + reference + "/ack", writer, JSON, "");
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        assertThat(json(get("/api/v1/submissions?form=" + formKey + "&acknowledged=false", reader)).path("items")).isEmpty();
        assertProblem(get("/api/v1/submissions/FM-1999-000000", reader), 404);
        assertProblem(get("/api/v1/submissions", writer), 403);
    }

    @Test
    void cursor_paging_walks_every_submission_once() throws Exception {
        for (int i = 0; i < 5; i++) {
            submit("{\"name\": \"Nr " + i + "\"}", UUID.randomUUID().toString());
        }
        java.util.List<String> seen = new java.util.ArrayList<>();
        String next = "";
        do {
            JsonNode page = json(get("/api/v1/submissions?form=" + formKey + "&limit=2" + (next.isEmpty() ? "" : "&cursor=" + next), reader));
            page.path("items").forEach(item -> seen.add(item.path("reference").asText()));
            next = page.path("next").asText("");
        } while (!next.isEmpty());

        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        assertProblem(get("/api/v1/submissions?cursor=not-a-cursor", reader), 400);
    }

    private HttpResponse<String> submit(String body, String idempotencyKey) throws Exception {
        return send(request("/api/v1/forms/" + formKey + "/submissions")
                .header("Authorization", "Bearer " + writer).header("Content-Type", JSON)
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> upload(String element, String fileName, byte[] content) throws Exception {
        String boundary = "formularium" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request("/api/v1/forms/" + formKey + "/attachments?element=" + element)
                .header("Authorization", "Bearer " + writer)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }
}
