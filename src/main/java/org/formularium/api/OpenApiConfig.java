package org.formularium.api;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Set;


/**
 * The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): only {@code /api/**}
 * (see {@code springdoc.paths-to-match}), a bearer scheme for API keys, and the problem responses every
 * endpoint can give.
 */
@Configuration
class OpenApiConfig {

    static final String SECURITY_SCHEME = "apiKey";
    private static final String PROBLEM_SCHEMA = "Problem";

    @Bean
    OpenAPI formulariumOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Formularium API").version("v1")
                        .description("REST API of Formularium for downstream systems. Authenticate with an API key "
                                + "(ask the administrator) as 'Authorization: Bearer <key>'. Errors are RFC 9457 "
                                + "problem details (application/problem+json)."))
                .components(new Components().addSecuritySchemes(SECURITY_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("API key")
                        .description("An API key, e.g. fmk_..., with the scopes the endpoint names")))
                .addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME));
    }

    /** Adds the problem schema and the 4xx/5xx problem responses to every operation. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            ResolvedSchema resolved = ModelConverters.getInstance()
                    .resolveAsResolvedSchema(new AnnotatedType(ApiProblem.class));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            components.addSchemas(PROBLEM_SCHEMA, resolved.schema);
            if (resolved.referencedSchemas != null) {
                resolved.referencedSchemas.forEach(components::addSchemas);
            }
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
                addProblem(operation, "400", "Malformed request");
                if (secured) {
                    addProblem(operation, "401", "No valid API key");
                    addProblem(operation, "403", "The API key lacks the scope this endpoint needs");
                }
                addProblem(operation, "500", "Unexpected error (with an errorId to quote)");
            }));
        };
    }

    /** Names the scope an operation needs (from its {@code @PreAuthorize}) in its description. */
    @Bean
    OperationCustomizer requiredScopes() {
        return (operation, handler) -> {
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
            if (rule == null) {
                rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
            }
            Set<String> scopes = rule == null ? Set.of() : ApiAuthenticationProblems.scopesIn(rule.value());
            if (!scopes.isEmpty()) {
                String needs = "Needs an API key with the scope " + String.join(" and ", scopes) + ".";
                operation.setDescription(operation.getDescription() == null ? needs
                        : operation.getDescription() + "\n\n" + needs);
                operation.addExtension("x-required-scopes", List.copyOf(scopes));
            }
            return operation;
        };
    }

    private static void addProblem(Operation operation, String status, String description) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (!responses.containsKey(status)) {
            Schema<?> ref = new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA);
            responses.addApiResponse(status, new ApiResponse().description(description)
                    .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            new MediaType().schema(ref))));
        }
    }

}
