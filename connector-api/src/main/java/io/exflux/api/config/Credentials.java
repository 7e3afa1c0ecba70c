package io.exflux.api.config;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An API key and its secret. The secret is kept as bytes, handed out only as a copy to a signer, and
 * shown nowhere: {@link #toString()} prints the key's first characters only, and {@code equals} is
 * identity so that no comparison leaks timing.
 */
public final class Credentials {

    private final String apiKey;
    private final byte[] secret;

    private Credentials(String apiKey, byte[] secret) {
        this.apiKey = apiKey;
        this.secret = secret;
    }

    /**
     * @throws IllegalArgumentException when the key or secret is missing or blank (the message names
     *                                  which one, never its value)
     */
    public static Credentials of(String apiKey, String secret) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("API key is missing");
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("API secret is missing");
        }
        return new Credentials(apiKey.trim(), secret.trim().getBytes(StandardCharsets.UTF_8));
    }

    /** The API key (not a secret by itself; {@link #toString()} still shows only its start). */
    public String apiKey() {
        return apiKey;
    }

    /** A copy of the secret's UTF-8 bytes, for a signer. Callers should not keep it. */
    public byte[] secretBytes() {
        return Arrays.copyOf(secret, secret.length);
    }

    /** The secret as text, for venues that send it (ALP's token request). Never log it. */
    public String secretText() {
        return new String(secret, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        String shown = apiKey.length() <= 4 ? "****" : apiKey.substring(0, 4) + "****";
        return "Credentials[apiKey=" + shown + ", secret=****]";
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(apiKey);
    }
}
