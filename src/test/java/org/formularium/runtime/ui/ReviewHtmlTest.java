package org.formularium.runtime.ui;

import org.formularium.definition.model.ElementType;
import org.formularium.definition.outline.OutlineAnswer;
import org.formularium.definition.outline.OutlineGroup;
import org.formularium.definition.outline.OutlineItem;
import org.formularium.definition.outline.OutlinePage;
import org.formularium.definition.outline.OutlineSection;
import org.junit.jupiter.api.Test;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTML of "check your answers": structure, one numbered native button per answer, and escaping of every text. */
class ReviewHtmlTest {

    private static final Map<String, String> GERMAN = Map.of(
            "form.review.change", "Ändern",
            "form.review.change.named", "{0} ändern",
            "form.review.notAnswered", "Nicht angegeben");

    private static final Translator TEXTS = (key, params) -> new MessageFormat(GERMAN.get(key), Locale.GERMAN).format(params);

    private static OutlineAnswer answer(String path, String label, String value) {
        return new OutlineAnswer(path, path, ElementType.TEXT, label, value, !value.isEmpty());
    }

    @Test
    void texts_of_citizens_and_definitions_are_escaped_and_umlauts_stay() {
        OutlinePage page = new OutlinePage("p1", "Seite <b>1</b> & \"mehr\"", List.of(
                answer("name", "Name 'Rufname'", "<script>alert('x')</script>"),
                answer("firm", "Firma", "Müller & Söhne \"Groß\" <GmbH>"),
                new OutlineSection("s", "Abschnitt <i>", List.of(answer("note", "Notiz\" onclick=\"x", "ok")))));

        String html = new ReviewHtml(TEXTS).page(page).blocks().get(0).html();

        assertThat(html).doesNotContain("<script", "<b>", "<GmbH>", "<i>", "\" onclick=\"")
                .contains("<h3>Seite &lt;b&gt;1&lt;/b&gt; &amp; &quot;mehr&quot;</h3>")
                .contains("<dt>Name &#39;Rufname&#39;</dt>")
                .contains("<dd class=\"review-value\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</dd>")
                .contains("<dd class=\"review-value\">Müller &amp; Söhne &quot;Groß&quot; &lt;GmbH&gt;</dd>")
                .contains("<h4>Abschnitt &lt;i&gt;</h4>")
                .contains("aria-label=\"Notiz&quot; onclick=&quot;x ändern\"");
    }

    @Test
    void every_answer_gets_a_numbered_native_button_named_by_its_label_that_maps_to_its_path() {
        OutlinePage page = new OutlinePage("p1", "Kinder", List.of(
                answer("parent", "Elternteil", "Eva"),
                new OutlineGroup("children", "children", "Kinder", List.of(
                        new OutlineItem("children[0]", "Kind 1", List.of(answer("children[0].name", "Name", "Ida"))),
                        new OutlineItem("children[1]", "Kind 2", List.of(answer("children[1].name", "Name", ""))))),
                new OutlineGroup("pets", "pets", "Haustiere", List.of())));

        ReviewHtml review = new ReviewHtml(TEXTS).page(page).row("Datenschutz", "Zugestimmt", "_privacy");

        assertThat(review.targets()).containsExactly("parent", "children[0].name", "children[1].name", "pets", "_privacy");
        List<ReviewHtml.Block> blocks = review.blocks();
        assertThat(blocks).extracting(ReviewHtml.Block::page).containsExactly(true, false);
        assertThat(blocks.get(0).html()).isEqualTo("<h3>Kinder</h3>"
                + "<dl class=\"review-list\"><dt>Elternteil</dt><dd class=\"review-value\">Eva</dd>"
                + "<dd><button type=\"button\" class=\"review-change\" data-i=\"0\" aria-label=\"Elternteil ändern\">Ändern</button></dd></dl>"
                + "<h4>Kinder</h4>"
                + "<p class=\"review-item\">Kind 1</p>"
                + "<dl class=\"review-list\"><dt>Name</dt><dd class=\"review-value\">Ida</dd>"
                + "<dd><button type=\"button\" class=\"review-change\" data-i=\"1\" aria-label=\"Name ändern\">Ändern</button></dd></dl>"
                + "<p class=\"review-item\">Kind 2</p>"
                + "<dl class=\"review-list\"><dt>Name</dt><dd class=\"review-value\">Nicht angegeben</dd>"
                + "<dd><button type=\"button\" class=\"review-change\" data-i=\"2\" aria-label=\"Name ändern\">Ändern</button></dd></dl>"
                + "<h4>Haustiere</h4>"
                + "<dl class=\"review-list\"><dt>Haustiere</dt><dd class=\"review-value\">Nicht angegeben</dd>"
                + "<dd><button type=\"button\" class=\"review-change\" data-i=\"3\" aria-label=\"Haustiere ändern\">Ändern</button></dd></dl>");
        assertThat(blocks.get(1).html()).contains("data-i=\"4\" aria-label=\"Datenschutz ändern\"");
    }
}
