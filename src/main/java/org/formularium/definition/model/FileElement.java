package org.formularium.definition.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** A file upload. Data: array of {@code {id, name, size, mediaType, sha256}}. */
public record FileElement(
        String key,
        LocalizedText label,
        LocalizedText hint,
        List<String> accept,
        Integer maxSizeKb,
        Integer minFiles,
        Integer maxFiles,
        Boolean required,
        JsonNode requiredIf,
        JsonNode visibleIf,
        Boolean readOnly,
        JsonNode defaultValue,
        String autocomplete,
        Boolean indexed,
        Map<String, String> metadata) implements InputElement {

    public FileElement {
        accept = Lists.copy(accept);
        metadata = Lists.copy(metadata);
    }

    @Override
    public ElementType type() {
        return ElementType.FILE;
    }

    /** Media types accepted when {@code accept} is absent. */
    public static final List<String> DEFAULT_ACCEPT = List.of("application/pdf", "image/jpeg", "image/png");
    /** Default {@code maxSizeKb}. */
    public static final int DEFAULT_MAX_SIZE_KB = 10240;
    /** Largest allowed {@code maxSizeKb}. */
    public static final int MAX_MAX_SIZE_KB = 51200;
    /** Largest allowed {@code maxFiles}. */
    public static final int MAX_MAX_FILES = 20;

    /** Accepted media types, defaulted. */
    public List<String> acceptOrDefault() {
        return accept == null ? DEFAULT_ACCEPT : accept;
    }

    /** Largest file size in KiB, defaulted. */
    public int maxSizeKbOrDefault() {
        return maxSizeKb == null ? DEFAULT_MAX_SIZE_KB : maxSizeKb;
    }

    /** Fewest files: as given, else 1 when required, else 0. */
    public int minFilesOrDefault(boolean isRequired) {
        return minFiles != null ? minFiles : isRequired ? 1 : 0;
    }

    /** Most files, defaulted to 1. */
    public int maxFilesOrDefault() {
        return maxFiles == null ? 1 : maxFiles;
    }
}
