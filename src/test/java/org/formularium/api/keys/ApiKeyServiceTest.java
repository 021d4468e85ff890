package org.formularium.api.keys;

import org.formularium.support.AbstractApiTest;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** API keys: created once in plain, stored as hashes, refused when revoked or expired. */
class ApiKeyServiceTest extends AbstractApiTest {

    @Test
    void a_new_key_is_fmk_and_43_base64url_characters_and_is_shown_only_once() {
        CreatedApiKey created = apiKeys.create("Fachverfahren Gewerbe", Set.of(ApiScope.SUBMISSIONS_READ), null, "admin");

        assertThat(created.plainKey()).matches("fmk_[A-Za-z0-9_-]{43}");
        assertThat(created.key().keyPrefix()).isEqualTo(created.plainKey().substring(0, 8));
        assertThat(created.key().name()).isEqualTo("Fachverfahren Gewerbe");
        assertThat(created.key().createdBy()).isEqualTo("admin");
        assertThat(apiKeys.list()).extracting(ApiKey::id).contains(created.key().id());
    }

    @Test
    void two_keys_are_never_the_same() {
        assertThat(keyWith(ApiScope.FORMS_READ)).isNotEqualTo(keyWith(ApiScope.FORMS_READ));
    }

    @Test
    void authenticate_returns_the_key_with_its_scopes() {
        CreatedApiKey created = createKey(ApiScope.FORMS_READ, ApiScope.SUBMISSIONS_WRITE);

        ApiKeyPrincipal principal = apiKeys.authenticate(created.plainKey()).orElseThrow();

        assertThat(principal.keyId()).isEqualTo(created.key().id());
        assertThat(principal.scopes()).containsExactlyInAnyOrder(ApiScope.FORMS_READ, ApiScope.SUBMISSIONS_WRITE);
    }

    @Test
    void unknown_empty_and_absurdly_long_keys_are_refused() {
        assertThat(apiKeys.authenticate("fmk_unknown")).isEmpty();
        assertThat(apiKeys.authenticate("")).isEmpty();
        assertThat(apiKeys.authenticate(null)).isEmpty();
        assertThat(apiKeys.authenticate("x".repeat(10_000))).isEmpty();
    }

    @Test
    void a_revoked_key_is_refused_and_revoking_twice_reports_false() {
        CreatedApiKey created = createKey(ApiScope.FORMS_READ);
        // a key just used is remembered for a moment; revoking must still refuse its very next request
        assertThat(apiKeys.authenticate(created.plainKey())).isPresent();

        assertThat(apiKeys.revoke(created.key().id())).isTrue();

        assertThat(apiKeys.authenticate(created.plainKey())).isEmpty();
        assertThat(apiKeys.revoke(created.key().id())).isFalse();
        assertThat(apiKeys.find(created.key().id()).orElseThrow().revokedAt()).isNotNull();
    }

    @Test
    void a_key_with_a_future_expiry_works_and_one_in_the_past_cannot_be_created() {
        CreatedApiKey created = apiKeys.create("expiring", Set.of(ApiScope.FORMS_READ),
                OffsetDateTime.now().plusDays(1), "admin");

        assertThat(apiKeys.authenticate(created.plainKey())).isPresent();
        assertThatThrownBy(() -> apiKeys.create("expired", Set.of(ApiScope.FORMS_READ),
                OffsetDateTime.now().minusSeconds(1), "admin")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_name_is_required() {
        assertThatThrownBy(() -> apiKeys.create(" ", Set.of(), null, "admin"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_configured_key_is_idempotent_and_replacing_it_revokes_the_old_one() {
        Set<ApiScope> all = EnumSet.allOf(ApiScope.class);
        ApiKey first = apiKeys.ensureConfiguredKey("configured", "configured-key-1", all, "system:test");
        ApiKey again = apiKeys.ensureConfiguredKey("configured", "configured-key-1", all, "system:test");
        assertThat(again.id()).isEqualTo(first.id());

        ApiKey replaced = apiKeys.ensureConfiguredKey("configured", "configured-key-2", all, "system:test");

        assertThat(replaced.id()).isNotEqualTo(first.id());
        assertThat(apiKeys.authenticate("configured-key-1")).isEmpty();
        assertThat(apiKeys.authenticate("configured-key-2")).isPresent();
    }

    @Test
    void the_demo_key_exists_with_all_scopes() {
        assertThat(apiKeys.authenticate(DEMO_KEY)).hasValueSatisfying(principal ->
                assertThat(principal.scopes()).containsExactlyInAnyOrder(ApiScope.values()));
    }

    @Test
    void the_hash_is_sha256_hex() {
        assertThat(ApiKeyService.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
