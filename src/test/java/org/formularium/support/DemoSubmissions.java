package org.formularium.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.definition.model.Element;
import org.formularium.definition.model.FileElement;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.GroupElement;
import org.formularium.definition.model.Page;
import org.formularium.definition.model.SectionElement;
import org.formularium.submission.AttachmentService;
import org.formularium.submission.StoredAttachment;

import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * Makes a demo sample submission real: every file answer (the samples carry made-up ids) is replaced by an
 * upload of a small real file of an accepted type.
 */
public final class DemoSubmissions {

    private DemoSubmissions() {
    }

    public static ObjectNode withRealUploads(FormDefinition definition, ObjectNode sample, AttachmentService attachments) {
        ObjectNode data = sample.deepCopy();
        for (Page page : definition.pages()) {
            replace(definition.key(), page.elements(), data, attachments);
        }
        return data;
    }

    private static void replace(String formKey, List<Element> elements, JsonNode data, AttachmentService attachments) {
        for (Element element : elements) {
            if (element instanceof SectionElement section) {
                replace(formKey, section.elements(), data, attachments);
            } else if (element instanceof GroupElement group && data.path(group.key()).isArray()) {
                for (JsonNode item : data.get(group.key())) {
                    replace(formKey, group.elements(), item, attachments);
                }
            } else if (element instanceof FileElement file && data.path(file.key()).isArray()) {
                ArrayNode answers = (ArrayNode) data.get(file.key());
                for (int i = 0; i < answers.size(); i++) {
                    String name = answers.get(i).path("name").asText("datei");
                    byte[] content = sampleFile(name, file.acceptOrDefault());
                    StoredAttachment stored = attachments.upload(formKey, file, name, new ByteArrayInputStream(content));
                    ((ObjectNode) answers.get(i)).put("id", stored.id().toString());
                }
            }
        }
    }

    /**
     * A tiny file whose content fits the name's extension when that type is accepted (uploads whose content does
     * not match the extension are refused), else of the first accepted type we can make.
     */
    public static byte[] sampleFile(String name, List<String> accept) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".pdf") && accept.contains("application/pdf")) {
            return sampleFile(List.of("application/pdf"));
        }
        if ((lower.endsWith(".jpg") || lower.endsWith(".jpeg")) && accept.contains("image/jpeg")) {
            return sampleFile(List.of("image/jpeg"));
        }
        return sampleFile(accept);
    }

    /** A tiny file of the first accepted type we can make: PNG, JPEG or PDF. */
    public static byte[] sampleFile(List<String> accept) {
        if (accept.contains("image/png")) {
            return TestData.pngBytes();
        }
        if (accept.contains("image/jpeg")) {
            byte[] jpeg = new byte[64];
            jpeg[0] = (byte) 0xFF;
            jpeg[1] = (byte) 0xD8;
            jpeg[2] = (byte) 0xFF;
            jpeg[3] = (byte) 0xE0;
            jpeg[6] = 'J';
            jpeg[7] = 'F';
            jpeg[8] = 'I';
            jpeg[9] = 'F';
            return jpeg;
        }
        return "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes();
    }
}
