package org.formularium.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.formularium.support.AbstractApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Over real HTTP and without a key: the OpenAPI document, Swagger UI and the published JSON Schemas. */
class ApiDocsAndSchemasTest extends AbstractApiTest {

    @Test
    void the_openapi_document_is_public_and_describes_only_the_api() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = json(response);
        assertThat(doc.path("info").path("title").asText()).isEqualTo("Formularium API");
        assertThat(doc.path("info").path("version").asText()).isEqualTo("v1");
        assertThat(doc.path("paths").fieldNames()).toIterable().isNotEmpty()
                .allSatisfy(path -> assertThat(path).startsWith("/api/"))
                .contains("/api/v1/whoami", "/api/v1/schemas/{file}");
    }

    @Test
    void the_openapi_document_declares_api_keys_as_bearer_tokens() throws Exception {
        JsonNode doc = json(get("/v3/api-docs", null));

        JsonNode scheme = doc.path("components").path("securitySchemes").path("apiKey");
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        assertThat(doc.path("security").get(0).has("apiKey")).isTrue();
        assertThat(doc.path("paths").path("/api/v1/schemas/{file}").path("get").path("security")).isEmpty();
        assertThat(doc.path("paths").path("/api/v1/whoami").path("get").path("responses").has("401")).isTrue();
        assertThat(doc.path("components").path("schemas").has("Problem")).isTrue();
    }

    @Test
    void each_operation_names_the_scope_it_needs() throws Exception {
        JsonNode doc = json(get("/v3/api-docs", null));

        JsonNode echo = doc.path("paths").path("/api/v1/test-probe/echo").path("post");
        assertThat(echo.path("x-required-scopes")).extracting(JsonNode::asText).containsExactly("forms:write");
        assertThat(echo.path("description").asText()).contains("forms:write");
        assertThat(doc.path("paths").path("/api/v1/whoami").path("get").has("x-required-scopes")).isFalse();
    }

    @Test
    void swagger_ui_is_reachable_without_login() throws Exception {
        HttpResponse<String> redirect = get("/swagger-ui.html", null);
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> page = get(location.replaceFirst("^https?://[^/]+", ""), null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(get("/v3/api-docs/swagger-config", null).statusCode()).isEqualTo(200);
    }

    @Test
    void the_form_definition_schema_is_served_without_a_key() throws Exception {
        HttpResponse<String> response = get("/api/v1/schemas/form-definition-v1.json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/schema+json"));
        String file = new ClassPathResource("schemas/form-definition-v1.json").getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.body()).isEqualTo(file);
    }

    @Test
    void the_schema_is_served_even_with_an_invalid_key() throws Exception {
        assertThat(get("/api/v1/schemas/form-definition-v1.json", "wrong").statusCode()).isEqualTo(200);
    }

    @Test
    void an_unknown_schema_is_a_404_problem() throws Exception {
        assertProblem(get("/api/v1/schemas/no-such-schema.json", null), 404);
    }
}
