package org.formularium.api;

import com.fasterxml.jackson.core.StreamReadConstraints;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import java.util.Map;

/** Spring MVC and JSON settings for the API. */
@Configuration
class ApiWebConfig {

    /**
     * Limits the nesting depth of JSON the application reads (Jackson allows 1000 by default), so that a
     * deeply nested request body is a 400, not a deep recursion.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonNestingLimit(ApiProperties properties) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(properties.maxJsonNestingDepth()).build();
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(constraints));
    }

    /**
     * Unknown paths under {@code /api/} are a 404 problem, rather than falling through to Vaadin's catch-all
     * route (which would answer with an HTML page). Ordered after the controllers, so that a known path with
     * the wrong method is still a 405.
     */
    @Bean
    SimpleUrlHandlerMapping apiNotFoundHandlerMapping() {
        HttpRequestHandler notFound = (request, response) -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/api/**", notFound));
        mapping.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return mapping;
    }

    /**
     * URLs Spring Security's firewall rejects (e.g. with {@code ;} or encoded {@code /}): a 400 problem under
     * {@code /api/}, a bare 400 elsewhere as before.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ApiProblems problems) {
        RequestRejectedHandler elsewhere = new HttpStatusRequestRejectedHandler();
        return (request, response, rejected) -> {
            if (request.getRequestURI().startsWith("/api/")) {
                problems.write(response, problems.of(request, ApiProblemType.MALFORMED_REQUEST,
                        "The request URL is not allowed (it contains a character sequence such as ';' or an "
                                + "encoded '/' that is refused for security reasons)."));
            } else {
                elsewhere.handle(request, response, rejected);
            }
        };
    }
}
