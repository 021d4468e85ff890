package org.formularium.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/** The published JSON Schemas (from {@code classpath:schemas/}), public so that anybody can validate against them. */
@RestController
@Tag(name = "Schemas", description = "JSON Schemas of Formularium's formats; no API key needed")
class SchemaController {

    static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");

    @GetMapping("/api/v1/schemas/{file:[a-z0-9][a-z0-9.-]*\\.json}")
    @PreAuthorize(RequireScope.PUBLIC)
    @SecurityRequirements
    @Operation(summary = "A JSON Schema, e.g. form-definition-v1.json (the form definition format v1)")
    public ResponseEntity<Resource> schema(@PathVariable String file) {
        Resource schema = new ClassPathResource("schemas/" + file);
        if (file.contains("..") || !schema.exists()) {
            throw ApiProblemException.notFound("There is no schema '" + file + "'.");
        }
        return ResponseEntity.ok()
                .contentType(SCHEMA_JSON)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(schema);
    }
}
