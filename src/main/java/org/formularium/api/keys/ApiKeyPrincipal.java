package org.formularium.api.keys;

import org.formularium.audit.AuditActor;
import org.formularium.audit.AuditablePrincipal;

import java.util.Set;

/** Who calls the API: the key that authenticated the request and what it may do. */
public record ApiKeyPrincipal(long keyId, String name, String keyPrefix, Set<ApiScope> scopes)
        implements AuditablePrincipal {

    public ApiKeyPrincipal {
        scopes = Set.copyOf(scopes);
    }

    @Override
    public AuditActor auditActor() {
        return AuditActor.apiKey(keyId, name);
    }

    public boolean has(ApiScope scope) {
        return scopes.contains(scope);
    }
}
