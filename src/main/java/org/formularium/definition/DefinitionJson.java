package org.formularium.definition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import org.formularium.definition.model.FormDefinition;

/**
 * Reads and writes form definitions as JSON with one shared, configured {@link ObjectMapper}: absent optional
 * properties stay absent, property order is the record order, decimals keep their scale, output is
 * pretty-printed with two spaces and {@code \n}. Input is limited in size and depth.
 *
 * <p>{@link #read(String)} trusts its input; untrusted JSON goes through {@link DefinitionParser}.
 */
public final class DefinitionJson {

    /** Deepest JSON nesting accepted. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest JSON document accepted, in characters. */
    public static final long MAX_DOCUMENT_LENGTH = 2L * 1024 * 1024;

    private static final ObjectMapper MAPPER = createMapper();
    private static final ObjectWriter PRETTY = MAPPER.writer(prettyPrinter());

    private DefinitionJson() {
    }

    /** The shared mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Maps JSON to a definition without validating it.
     *
     * @throws IllegalArgumentException when the JSON does not map
     */
    public static FormDefinition read(String json) {
        try {
            return MAPPER.readValue(json, FormDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a form definition: " + e.getOriginalMessage(), e);
        }
    }

    /** Maps an already validated tree to a definition. */
    public static FormDefinition fromTree(JsonNode tree) {
        try {
            return MAPPER.treeToValue(tree, FormDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a form definition: " + e.getOriginalMessage(), e);
        }
    }

    /** The definition as a tree. */
    public static JsonNode toTree(FormDefinition definition) {
        return MAPPER.valueToTree(definition);
    }

    /** The definition as pretty, stable JSON (same definition, same string). */
    public static String write(FormDefinition definition) {
        try {
            return PRETTY.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Any tree as pretty JSON in the same style. */
    public static String write(JsonNode tree) {
        try {
            return PRETTY.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectMapper createMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                        .maxStringLength(MAX_DOCUMENT_LENGTH > Integer.MAX_VALUE ? Integer.MAX_VALUE
                                : (int) MAX_DOCUMENT_LENGTH)
                        .build())
                .build();
        return JsonMapper.builder(factory)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .build();
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }
}
