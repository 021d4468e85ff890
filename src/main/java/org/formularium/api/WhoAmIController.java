package org.formularium.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.formularium.api.keys.ApiKeyPrincipal;
import org.formularium.api.keys.ApiScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Which key am I using, and what may it do? For integrators checking their setup. */
@RestController
@Tag(name = "API keys")
class WhoAmIController {

    /** The calling key: its name, its first characters and its scopes. */
    record WhoAmI(String name, String keyPrefix, List<String> scopes) {
    }

    @GetMapping("/api/v1/whoami")
    @PreAuthorize(RequireScope.ANY_VALID_KEY)
    @Operation(summary = "The API key of this request and its scopes (any valid key)")
    public WhoAmI whoami(@Parameter(hidden = true) @AuthenticationPrincipal ApiKeyPrincipal key) {
        return new WhoAmI(key.name(), key.keyPrefix(), key.scopes().stream().map(ApiScope::value).sorted().toList());
    }
}
