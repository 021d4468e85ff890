package org.formularium.definition.schema;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.formularium.definition.model.FormDefinition;

/** Names and values shared by the JSON and the XML submission documents and their schemas. */
final class SubmissionDocument {

    static final String FORM = "form";
    static final String KEY = "key";
    static final String VERSION = "version";
    static final String REFERENCE = "reference";
    static final String SUBMITTED_AT = "submittedAt";
    static final String LANGUAGE = "language";
    static final String DATA = "data";

    private SubmissionDocument() {
    }

    /** {@code urn:formularium:form:<key>:v<version>}: the XML namespace and the stem of the JSON Schema id. */
    static String urn(FormDefinition definition, int version) {
        if (version < 1) {
            throw new IllegalArgumentException("Form versions start at 1, got " + version);
        }
        return "urn:formularium:form:" + definition.key() + ":v" + version;
    }

    /** RFC 3339 / xs:dateTime text with seconds and offset. */
    static String timestamp(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
}
