package org.formularium.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.formularium.api.keys.ApiScope;
import org.formularium.support.AbstractApiTest;
import org.formularium.support.TestData;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class FormsApiTest extends AbstractApiTest {

    @Test
    void published_forms_are_listed_with_title_and_latest_version() throws Exception {
        HttpResponse<String> response = get("/api/v1/forms", keyWith(ApiScope.FORMS_READ));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode fishing = stream(json(response)).filter(f -> f.path("key").asText().equals("fischereischein"))
                .findFirst().orElseThrow();
        assertThat(fishing.path("title").path("de").asText()).isEqualTo("Fischereischein beantragen");
        assertThat(fishing.path("latestVersion").asInt()).isPositive();
    }

    @Test
    void a_form_is_created_saved_as_draft_and_published_as_the_next_version() throws Exception {
        String key = TestData.uniqueKey("api");
        String write = keyWith(ApiScope.FORMS_READ, ApiScope.FORMS_WRITE);

        HttpResponse<String> created = post("/api/v1/forms?publish=true", write, JSON,
                TestData.contactForm(key, false).toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).path("version").asInt()).isEqualTo(1);

        String changed = TestData.contactForm(key, true).toString();
        HttpResponse<String> draft = send(request("/api/v1/forms/" + key + "/draft")
                .header("Authorization", "Bearer " + write).header("Content-Type", JSON)
                .PUT(HttpRequest.BodyPublishers.ofString(changed)));
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
        int lock = json(draft).path("lockVersion").asInt();

        HttpResponse<String> stale = send(request("/api/v1/forms/" + key + "/draft")
                .header("Authorization", "Bearer " + write).header("Content-Type", JSON)
                .header("If-Match", "\"" + (lock + 5) + "\"").PUT(HttpRequest.BodyPublishers.ofString(changed)));
        assertProblem(stale, 409);

        HttpResponse<String> published = post("/api/v1/forms/" + key + "/publish", write, JSON, "");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(json(published).path("version").asInt()).isEqualTo(2);

        JsonNode detail = json(get("/api/v1/forms/" + key, write));
        assertThat(detail.path("latestVersion").asInt()).isEqualTo(2);
        assertThat(detail.path("versions")).hasSize(2);
        JsonNode v1 = json(get("/api/v1/forms/" + key + "/versions/1", write));
        assertThat(v1.path("confirmation").path("attachPdf").asBoolean()).isFalse();
    }

    @Test
    void an_invalid_definition_gets_422_with_every_problem_and_its_path() throws Exception {
        String body = """
                {"schemaVersion": 1, "key": "kaputt", "languages": ["de"], "title": {"de": "X"},
                 "pages": [{"key": "p", "title": {"de": "P"}, "elements": [
                   {"type": "text", "key": "a", "label": {"de": "A"}, "minLength": 5, "maxLength": 2},
                   {"type": "text", "key": "a", "label": {"de": "A2"}},
                   {"type": "teleporter", "key": "b"}]}]}""";

        JsonNode problem = assertProblem(post("/api/v1/forms", keyWith(ApiScope.FORMS_WRITE), JSON, body), 422);

        assertThat(stream(problem.path("errors")).map(e -> e.path("path").asText() + " " + e.path("code").asText()))
                .contains("pages[0].elements[1].key DUPLICATE_KEY", "pages[0].elements[2].type UNKNOWN_ELEMENT_TYPE")
                .anyMatch(s -> s.contains("CONTRADICTING_CONSTRAINTS"));
    }

    @Test
    void reading_keys_cannot_write_and_unknown_forms_are_404() throws Exception {
        assertProblem(post("/api/v1/forms", keyWith(ApiScope.FORMS_READ), JSON, "{}"), 403);
        assertProblem(get("/api/v1/forms/gibt-es-nicht", keyWith(ApiScope.FORMS_READ)), 404);
        assertProblem(get("/api/v1/forms/fischereischein/versions/999", keyWith(ApiScope.FORMS_READ)), 404);
    }

    @Test
    void the_derived_schemas_of_a_version_are_served() throws Exception {
        String key = keyWith(ApiScope.FORMS_READ);
        int version = json(get("/api/v1/forms/fischereischein", key)).path("latestVersion").asInt();

        HttpResponse<String> schema = get("/api/v1/forms/fischereischein/versions/" + version + "/schema.json", key);
        HttpResponse<String> xsd = get("/api/v1/forms/fischereischein/versions/" + version + "/schema.xsd", key);

        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(json(schema).path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(xsd.statusCode()).isEqualTo(200);
        assertThat(xsd.body()).contains("xs:schema", "urn:formularium:form:fischereischein:v" + version);
    }

    @Test
    void a_fim_schema_is_imported_as_a_draft_with_its_report() throws Exception {
        byte[] xml = java.nio.file.Files.readAllBytes(fim("v2/select.xml"));

        HttpResponse<String> response = send(request("/api/v1/forms/import/xdatenfelder")
                .header("Authorization", "Bearer " + keyWith(ApiScope.FORMS_WRITE, ApiScope.FORMS_READ))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofByteArray(xml)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json(response);
        assertThat(body.path("key").asText()).isNotBlank();
        assertThat(body.path("definition").path("pages")).isNotEmpty();
        assertThat(body.path("report")).isNotEmpty();
        assertThat(stream(body.path("report")).map(r -> r.path("level").asText())).contains("ACTION_REQUIRED");
    }

    @Test
    void a_broken_fim_file_is_refused_naming_the_problem() throws Exception {
        byte[] xml = java.nio.file.Files.readAllBytes(fim("v3/unknown-namespace.xml"));

        JsonNode problem = assertProblem(send(request("/api/v1/forms/import/xdatenfelder")
                .header("Authorization", "Bearer " + keyWith(ApiScope.FORMS_WRITE))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofByteArray(xml))), 422);

        assertThat(problem.path("errors").path(0).path("code").asText()).isEqualTo("UNKNOWN_NAMESPACE");
        assertProblem(send(request("/api/v1/forms/import/xdatenfelder")
                .header("Authorization", "Bearer " + keyWith(ApiScope.FORMS_WRITE))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString("kein xml"))), 422);
    }

    static java.nio.file.Path fim(String file) {
        java.nio.file.Path shared = java.nio.file.Path.of("../shared/fim");
        if (!java.nio.file.Files.isDirectory(shared)) {
            shared = java.nio.file.Path.of("/work/shared/fim");
        }
        return shared.resolve(file);
    }

    static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
