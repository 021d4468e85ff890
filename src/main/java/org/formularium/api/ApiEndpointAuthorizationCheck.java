package org.formularium.api;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Fails the start of the application if a handler under {@code /api/} (in any package) has no
 * {@code @PreAuthorize} on its method or class: no endpoint can go without a scope check by accident.
 */
@Component
class ApiEndpointAuthorizationCheck implements SmartInitializingSingleton {

    private final ApplicationContext context;

    ApiEndpointAuthorizationCheck(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> unchecked = context.getBeansOfType(RequestMappingHandlerMapping.class).values().stream()
                .flatMap(mapping -> uncheckedApiEndpoints(mapping.getHandlerMethods()).stream())
                .toList();
        if (!unchecked.isEmpty()) {
            throw new IllegalStateException("API endpoints without @PreAuthorize (use RequireScope): " + unchecked);
        }
    }

    /** Handlers of /api/ paths with no {@code @PreAuthorize} on the method or its class, as readable names. */
    static List<String> uncheckedApiEndpoints(Map<RequestMappingInfo, HandlerMethod> handlers) {
        TreeSet<String> unchecked = new TreeSet<>();
        handlers.forEach((info, handler) -> {
            boolean api = info.getPatternValues().stream().anyMatch(p -> p.equals("/api") || p.startsWith("/api/"));
            if (api && !AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
                    && !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class)) {
                unchecked.add(handler.getBeanType().getName() + "#" + handler.getMethod().getName() + " "
                        + info.getPatternValues());
            }
        });
        return List.copyOf(unchecked);
    }
}
