package org.formularium.runtime;

import org.formularium.definition.DefinitionJson;
import org.formularium.support.AbstractDatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class DraftServiceTest extends AbstractDatabaseTest {

    @Autowired
    DraftService drafts;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_draft_is_stored_under_the_hash_of_an_unguessable_token_and_found_only_with_it() {
        var data = DefinitionJson.mapper().createObjectNode().put("first_name", "Jürgen");

        String token = drafts.save(null, "buecherwunsch", 1, data, "reader", null);

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(jdbc.queryForObject("select count(*) from draft where token_hash = ?", Integer.class, token)).isZero();
        assertThat(drafts.find("buecherwunsch", token)).get().extracting(Draft::currentPage).isEqualTo("reader");
        assertThat(drafts.find("fundsache", token)).as("another form").isEmpty();
        assertThat(drafts.find("buecherwunsch", "x")).isEmpty();
    }

    @Test
    void saving_again_updates_the_same_draft_and_renewing_the_token_retires_the_old_one() {
        var data = DefinitionJson.mapper().createObjectNode().put("a", 1);
        String token = drafts.save(null, "fundsache", 1, data, "item", 7);

        assertThat(drafts.save(token, "fundsache", 1, data.put("a", 2), "finding", 7)).isEqualTo(token);
        String renewed = drafts.renewToken(token).orElseThrow();

        assertThat(drafts.find("fundsache", token)).isEmpty();
        assertThat(drafts.find("fundsache", renewed)).get().extracting(d -> d.data().get("a").asInt()).isEqualTo(2);
    }

    @Test
    void expired_drafts_are_not_found_and_are_purged() {
        String token = drafts.save(null, "fundsache", 1, DefinitionJson.mapper().createObjectNode(), null, null);
        jdbc.update("update draft set expires_at = now() - interval '1 second' where token_hash = encode(sha256(?::bytea), 'hex')", token);

        assertThat(drafts.find("fundsache", token)).isEmpty();
        assertThat(drafts.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from draft where expires_at <= now()", Integer.class)).isZero();
    }

    @Test
    void the_form_retention_wins_over_the_default_of_thirty_days() {
        assertThat(drafts.ttl(null).toDays()).isEqualTo(30);
        assertThat(drafts.ttl(7).toDays()).isEqualTo(7);
    }

    @Test
    void info_markdown_allows_emphasis_lists_and_links_but_no_markup_of_its_own() {
        String html = InfoMarkdown.toHtml("**fett** und <script>alert(1)</script> [Link](javascript:alert(1))\n\n- a\n- b");

        assertThat(html).contains("<strong>fett</strong>").contains("<li>a</li>").doesNotContain("<script").doesNotContain("javascript:");
    }
}
