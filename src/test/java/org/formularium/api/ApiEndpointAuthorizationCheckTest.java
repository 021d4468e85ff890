package org.formularium.api;

import org.formularium.api.keys.ApiScope;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up check that no /api endpoint lacks an authorization rule, proven to fail on one that does. */
class ApiEndpointAuthorizationCheckTest {

    static class Endpoints {
        public void unchecked() {
        }

        @PreAuthorize(RequireScope.FORMS_READ)
        public void checked() {
        }
    }

    @PreAuthorize(RequireScope.ANY_VALID_KEY)
    static class CheckedClass {
        public void inherited() {
        }
    }

    @Test
    void an_api_endpoint_without_pre_authorize_is_reported() throws Exception {
        Map<RequestMappingInfo, HandlerMethod> handlers = Map.of(
                RequestMappingInfo.paths("/api/v1/open").build(), handler(new Endpoints(), "unchecked"),
                RequestMappingInfo.paths("/api/v1/closed").build(), handler(new Endpoints(), "checked"),
                RequestMappingInfo.paths("/api/v1/class").build(), handler(new CheckedClass(), "inherited"),
                RequestMappingInfo.paths("/elsewhere").build(), handler(new Endpoints(), "unchecked"));

        assertThat(ApiEndpointAuthorizationCheck.uncheckedApiEndpoints(handlers))
                .singleElement().asString().contains("Endpoints#unchecked").contains("/api/v1/open");
    }

    @Test
    void the_scope_expressions_name_the_scope_authorities() {
        assertThat(RequireScope.FORMS_READ).contains(ApiScope.FORMS_READ.authority());
        assertThat(RequireScope.FORMS_WRITE).contains(ApiScope.FORMS_WRITE.authority());
        assertThat(RequireScope.SUBMISSIONS_READ).contains(ApiScope.SUBMISSIONS_READ.authority());
        assertThat(RequireScope.SUBMISSIONS_WRITE).contains(ApiScope.SUBMISSIONS_WRITE.authority());
    }

    private static HandlerMethod handler(Object bean, String method) throws NoSuchMethodException {
        return new HandlerMethod(bean, bean.getClass().getMethod(method));
    }
}
