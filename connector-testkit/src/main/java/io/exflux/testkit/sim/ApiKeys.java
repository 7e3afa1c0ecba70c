package io.exflux.testkit.sim;

import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** The API keys a simulated venue knows, by key and by account id; keys and secrets are random hex. */
public final class ApiKeys {

    /**
     * One account's key and secret. {@link #toString()} never shows the secret.
     *
     * @param accountId the venue account id
     * @param key       the API key
     * @param secret    the API secret
     */
    public record ApiKey(long accountId, String key, String secret) {

        public ApiKey {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "ApiKey[accountId=" + accountId + ", key=" + key + ", secret=***]";
        }
    }

    private final Map<String, ApiKey> byKey = new ConcurrentHashMap<>();
    private final Map<Long, ApiKey> byId = new ConcurrentHashMap<>();

    /** Issues a new key and secret for this account. */
    public ApiKey register(long accountId) {
        ApiKey key = new ApiKey(accountId, "sim-" + accountId + "-" + hex(8), hex(32));
        byKey.put(key.key(), key);
        byId.put(accountId, key);
        return key;
    }

    /**
     * Registers a key and secret chosen by the caller for this account (e.g. a document's example key, so
     * its published check values verify); replaces a key the account had.
     */
    public ApiKey register(long accountId, String apiKey, String secret) {
        ApiKey key = new ApiKey(accountId, apiKey, secret);
        ApiKey replaced = byId.put(accountId, key);
        if (replaced != null) {
            byKey.remove(replaced.key());
        }
        byKey.put(apiKey, key);
        return key;
    }

    /** The key of this API key text, if issued. */
    public Optional<ApiKey> byKey(String apiKey) {
        return apiKey == null ? Optional.empty() : Optional.ofNullable(byKey.get(apiKey));
    }

    /** The key issued to this account, if any. */
    public Optional<ApiKey> byAccount(long accountId) {
        return Optional.ofNullable(byId.get(accountId));
    }

    private static String hex(int bytes) {
        byte[] raw = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(raw); // test keys: never blocks, unlike SecureRandom
        return HexFormat.of().formatHex(raw);
    }
}
