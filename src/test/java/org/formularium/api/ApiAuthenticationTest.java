package org.formularium.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.formularium.api.keys.ApiScope;
import org.formularium.api.keys.CreatedApiKey;
import org.formularium.support.AbstractApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Over real HTTP: API keys as bearer tokens, 401 and 403 as problems, scopes per endpoint. */
class ApiAuthenticationTest extends AbstractApiTest {

    private static final String WHOAMI = "/api/v1/whoami";
    private static final String ECHO = "/api/v1/test-probe/echo";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_request_without_a_key_gets_401_problem_with_a_bearer_challenge() throws Exception {
        HttpResponse<String> response = get(WHOAMI, null);

        JsonNode problem = assertProblem(response, 401);
        assertThat(problem.path("detail").asText()).contains("Authorization: Bearer");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
    }

    @Test
    void an_unknown_key_gets_401_with_invalid_token() throws Exception {
        HttpResponse<String> response = get(WHOAMI, "fmk_not-a-key");

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer").contains("error=\"invalid_token\""));
    }

    @Test
    void an_authorization_header_that_is_not_bearer_gets_401() throws Exception {
        HttpResponse<String> response = send(request(WHOAMI).header("Authorization", "Basic YWRtaW46ZGVtbw=="));

        assertThat(assertProblem(response, 401).path("detail").asText()).contains("Bearer");
    }

    @Test
    void the_demo_key_works_and_has_all_scopes() throws Exception {
        HttpResponse<String> response = get(WHOAMI, DEMO_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode whoami = json(response);
        assertThat(whoami.path("name").asText()).startsWith("Demo");
        assertThat(whoami.path("scopes")).extracting(JsonNode::asText)
                .containsExactly("forms:read", "forms:write", "submissions:read", "submissions:write");
    }

    @Test
    void whoami_names_the_key_and_its_scopes() throws Exception {
        CreatedApiKey key = createKey(ApiScope.SUBMISSIONS_READ);

        JsonNode whoami = json(get(WHOAMI, key.plainKey()));

        assertThat(whoami.path("name").asText()).isEqualTo(key.key().name());
        assertThat(whoami.path("keyPrefix").asText()).isEqualTo(key.plainKey().substring(0, 8));
        assertThat(whoami.path("scopes")).extracting(JsonNode::asText).containsExactly("submissions:read");
    }

    @Test
    void a_revoked_key_is_refused_at_once() throws Exception {
        CreatedApiKey key = createKey(ApiScope.FORMS_READ);
        assertThat(get(WHOAMI, key.plainKey()).statusCode()).isEqualTo(200);

        apiKeys.revoke(key.key().id());

        assertProblem(get(WHOAMI, key.plainKey()), 401);
    }

    @Test
    void an_expired_key_is_refused() throws Exception {
        CreatedApiKey key = createKey(ApiScope.FORMS_READ);
        jdbc.update("update api_key set expires_at = now() - interval '1 second' where id = ?", key.key().id());

        assertProblem(get(WHOAMI, key.plainKey()), 401);
    }

    @Test
    void a_key_without_the_needed_scope_gets_403_naming_the_scope() throws Exception {
        String readOnly = keyWith(ApiScope.FORMS_READ, ApiScope.SUBMISSIONS_READ);

        HttpResponse<String> response = post(ECHO, readOnly, JSON, "{\"name\":\"x\"}");

        JsonNode problem = assertProblem(response, 403);
        assertThat(problem.path("detail").asText()).contains("forms:write");
        assertThat(problem.path("type").asText()).endsWith("/insufficient-scope");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("error=\"insufficient_scope\"").contains("scope=\"forms:write\""));
    }

    @Test
    void a_key_with_the_needed_scope_gets_through() throws Exception {
        HttpResponse<String> response = post(ECHO, keyWith(ApiScope.FORMS_WRITE), JSON, "{\"name\":\"Anna\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("name").asText()).isEqualTo("Anna");
    }

    @Test
    void the_api_keeps_no_session() throws Exception {
        HttpResponse<String> response = get(WHOAMI, DEMO_KEY);

        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void keys_are_stored_only_as_hashes() throws Exception {
        CreatedApiKey key = createKey(ApiScope.FORMS_READ);
        assertThat(key.plainKey()).startsWith("fmk_").hasSize(4 + 43);

        String everything = String.join("\n", jdbc.query("select t::text from api_key t",
                (rs, n) -> rs.getString(1)));

        assertThat(everything).doesNotContain(key.plainKey()).doesNotContain(DEMO_KEY)
                .contains(org.formularium.api.keys.ApiKeyService.hash(key.plainKey()));
        assertThat(key.toString()).doesNotContain(key.plainKey());
    }

    @Test
    void the_use_of_a_key_is_recorded() throws Exception {
        CreatedApiKey key = createKey(ApiScope.FORMS_READ);

        get(WHOAMI, key.plainKey());

        assertThat(apiKeys.find(key.key().id()).orElseThrow().lastUsedAt()).isNotNull();
    }

    @Test
    void the_vaadin_ui_still_asks_for_a_login() throws Exception {
        HttpResponse<String> response = get("/admin", null);

        assertThat(response.statusCode()).isIn(200, 302);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type").orElse("")).doesNotContain("problem");
    }
}
