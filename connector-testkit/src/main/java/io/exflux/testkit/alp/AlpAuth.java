package io.exflux.testkit.alp;

import static io.exflux.testkit.alp.AlpWire.MAPPER;

import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.Params;
import io.exflux.testkit.server.RouteTable;
import io.exflux.testkit.sim.ApiKeys;
import io.exflux.testkit.sim.SimRejectedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * ALP's auth checks: {@code POST /auth} (key and secret in, a JWT out; 422 without them, 401
 * {@code INVALID_SECRET} for a wrong secret, 401 for an unknown key or 404 as the live venue), the bearer
 * token in front of every private endpoint (401 {@code UNAUTHORIZED}) and {@code X-SIGN}, the HMAC of the
 * exact body bytes, in front of trading (403 {@code FORBIDDEN}).
 */
final class AlpAuth {

    /** An endpoint behind a valid bearer token. */
    @FunctionalInterface
    interface PrivateHandler {
        Mono<FakeResponse> handle(long account, Params params);
    }

    private final ApiKeys keys;
    private final AlpJwt jwt;
    private final Supplier<Duration> lifetime;
    private final boolean unknownKeyAsNotFound;

    AlpAuth(ApiKeys keys, AlpJwt jwt, Supplier<Duration> lifetime, boolean unknownKeyAsNotFound) {
        this.keys = keys;
        this.jwt = jwt;
        this.lifetime = lifetime;
        this.unknownKeyAsNotFound = unknownKeyAsNotFound;
    }

    PrivateHandler signed(PrivateHandler handler) {
        return (id, p) -> signatureOk(id, p) ? handler.handle(id, p)
                : Mono.just(AlpWire.ERRORS.error(403, "Missing signature or insufficient permissions"));
    }

    RouteTable.Handler privately(PrivateHandler handler) {
        return p -> {
            OptionalLong account = authenticate(p);
            if (account.isEmpty()) {
                String message = p.request().header("Authorization") == null
                        ? "missing or invalid Authorization header" : "invalid or expired token";
                return Mono.just(AlpWire.ERRORS.error(401, message));
            }
            return handler.handle(account.getAsLong(), p)
                    .onErrorResume(SimRejectedException.class, rejected -> Mono.just(AlpWire.rejection(rejected)));
        };
    }

    FakeResponse login(Params p) {
        String key = p.text("api_key");
        String secret = p.text("api_secret");
        if (key == null || secret == null) {
            return FakeResponse.json(422, AlpWire.error("VALIDATION_ERROR", "api_key and api_secret are required"));
        }
        return keys.byKey(key).map(account -> {
            if (!MessageDigest.isEqual(account.secret().getBytes(StandardCharsets.UTF_8),
                    secret.getBytes(StandardCharsets.UTF_8))) {
                return FakeResponse.json(401, AlpWire.error("INVALID_SECRET", "invalid api secret"));
            }
            String token = jwt.issue(account.accountId(), lifetime.get());
            return FakeResponse.json(200, MAPPER.getNodeFactory().textNode(token).toString());
        }).orElseGet(() -> unknownKeyAsNotFound
                ? FakeResponse.json(404, AlpWire.error("NOT_FOUND", "api key not found"))
                : FakeResponse.json(401, AlpWire.error("UNAUTHORIZED", "api key not found")));
    }

    private OptionalLong authenticate(Params p) {
        String header = p.request().header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return OptionalLong.empty();
        }
        OptionalLong id = jwt.verify(header.substring(7).trim());
        if (id.isPresent() && keys.byAccount(id.getAsLong()).isEmpty()) {
            return OptionalLong.empty();
        }
        return id;
    }

    private boolean signatureOk(long accountId, Params p) {
        String sign = p.request().header("X-SIGN");
        String secret = keys.byAccount(accountId).map(ApiKeys.ApiKey::secret).orElse(null);
        if (sign == null || secret == null) {
            return false;
        }
        byte[] expected = AlpJwt.hexHmac(secret, p.request().body()).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, sign.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
