package org.formularium.api.keys;

/**
 * A key just created: the only moment the plain key exists outside the integrator's hands. Show it once,
 * never log or store it. {@link #toString()} masks it.
 */
public record CreatedApiKey(String plainKey, ApiKey key) {

    @Override
    public String toString() {
        return "CreatedApiKey[plainKey=***, key=" + key + "]";
    }
}
