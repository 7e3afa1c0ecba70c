package io.exflux.testkit.alp;

import io.exflux.api.config.Credentials;
import java.util.Objects;

/**
 * An account opened on an {@link AlpSimulator}, with the API key and secret a client logs in with.
 * {@link #toString()} never shows the secret.
 *
 * @param id        the venue account id (also {@code account_id} in REST answers)
 * @param apiKey    the API key for {@code POST /api/v3/auth}
 * @param apiSecret the API secret (auth body and {@code X-SIGN} key)
 */
public record AlpAccount(long id, String apiKey, String apiSecret) {

    public AlpAccount {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(apiSecret, "apiSecret");
    }

    /** The key and secret as the connector's {@link Credentials}. */
    public Credentials credentials() {
        return Credentials.of(apiKey, apiSecret);
    }

    @Override
    public String toString() {
        return "AlpAccount[id=" + id + ", apiKey=" + apiKey + ", apiSecret=***]";
    }
}
