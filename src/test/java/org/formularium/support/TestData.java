package org.formularium.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.definition.DefinitionJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/** Fixtures: demo sample submissions and small test forms. */
public final class TestData {

    private TestData() {
    }

    /** The valid sample submission of a demo form (src/test/resources/forms/demo-submissions). */
    public static ObjectNode demoSubmission(String formKey) {
        return (ObjectNode) json("/forms/demo-submissions/" + formKey + ".json");
    }

    public static JsonNode json(String resource) {
        try (InputStream in = TestData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return DefinitionJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return DefinitionJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String uniqueKey(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A small form: name (required), e-mail (confirmation address), photo upload (PNG/JPEG, 1 MB), with a
     * confirmation that attaches the PDF when {@code attachPdf}.
     */
    public static JsonNode contactForm(String key, boolean attachPdf) {
        return parse("""
                {"schemaVersion": 1, "key": "%s", "languages": ["de", "en"],
                 "title": {"de": "Kontaktformular", "en": "Contact form"},
                 "pages": [{"key": "kontakt", "title": {"de": "Kontakt", "en": "Contact"}, "elements": [
                   {"type": "text", "key": "name", "label": {"de": "Name", "en": "Name"}, "required": true, "indexed": true},
                   {"type": "email", "key": "email", "label": {"de": "E-Mail", "en": "Email"}},
                   {"type": "file", "key": "photo", "label": {"de": "Foto", "en": "Photo"},
                    "accept": ["image/png", "image/jpeg"], "maxSizeKb": 1024, "maxFiles": 2}
                 ]}],
                 "confirmation": {"text": {"de": "Danke!", "en": "Thank you!"}, "emailElement": "email", "attachPdf": %s}}
                """.formatted(key, attachPdf));
    }

    /** The eight bytes every PNG starts with, plus a little body. */
    public static byte[] pngBytes() {
        byte[] bytes = new byte[64];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }
}
