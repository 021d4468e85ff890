package org.formularium.api.keys;

import java.util.Set;

/** Who calls the API: the key that authenticated the request and what it may do. */
public record ApiKeyPrincipal(long keyId, String name, String keyPrefix, Set<ApiScope> scopes) {

    public ApiKeyPrincipal {
        scopes = Set.copyOf(scopes);
    }

    public boolean has(ApiScope scope) {
        return scopes.contains(scope);
    }
}
