package io.exflux.testkit.alp;

import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** The API keys the simulator knows, by key and by account id. */
final class AlpAccounts {

    private final Map<String, AlpAccount> byKey = new ConcurrentHashMap<>();
    private final Map<Long, AlpAccount> byId = new ConcurrentHashMap<>();

    AlpAccount register(long accountId) {
        AlpAccount account = new AlpAccount(accountId, "sim-" + accountId + "-" + hex(8), hex(32));
        byKey.put(account.apiKey(), account);
        byId.put(accountId, account);
        return account;
    }

    Optional<AlpAccount> byKey(String apiKey) {
        return apiKey == null ? Optional.empty() : Optional.ofNullable(byKey.get(apiKey));
    }

    Optional<AlpAccount> byId(long accountId) {
        return Optional.ofNullable(byId.get(accountId));
    }

    private String hex(int bytes) {
        byte[] raw = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(raw); // test keys: never blocks, unlike SecureRandom
        return HexFormat.of().formatHex(raw);
    }
}
