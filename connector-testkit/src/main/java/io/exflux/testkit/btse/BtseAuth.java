package io.exflux.testkit.btse;

import io.exflux.testkit.server.ErrorReply;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.Params;
import io.exflux.testkit.server.RouteTable;
import io.exflux.testkit.sim.ApiKeys;
import io.exflux.testkit.sim.SimRejectedException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import reactor.core.publisher.Mono;

/**
 * The gate in front of every endpoint: the rate limit of its scope (429 with {@code Retry-After} in
 * seconds) and, for private endpoints, the key, nonce and signature headers, spelled {@code btse-*} as the
 * document says or {@code request-*} as the venue renamed them (both accepted). A missing or unknown key,
 * a nonce that is not a number or a wrong signature is 401 with code 10002. The nonce is not checked for
 * order or freshness: concurrent calls of one key may arrive out of nonce order.
 */
final class BtseAuth {

    /** An endpoint behind valid auth headers. */
    @FunctionalInterface
    interface PrivateHandler {
        Mono<FakeResponse> handle(long account, Params params);
    }

    private static final String ANONYMOUS = "ip";
    private static final String[] PREFIXES = {"btse-", "request-"};

    private final ApiKeys keys;
    private final ErrorReply errors;
    private final BtseRateLimits limits;
    private final Clock clock;

    BtseAuth(ApiKeys keys, ErrorReply errors, BtseRateLimits limits, Clock clock) {
        this.keys = keys;
        this.errors = errors;
        this.limits = limits;
        this.clock = clock;
    }

    /** A public endpoint of this scope, counted against the IP. */
    RouteTable.Handler publicly(BtseSimulator.Scope scope, RouteTable.Handler handler) {
        return p -> limits.tryAcquire(scope, ANONYMOUS) ? guarded(handler.handle(p)) : Mono.just(tooMany());
    }

    /** A private endpoint of this scope, counted against the API key. */
    RouteTable.Handler privately(BtseSimulator.Scope scope, PrivateHandler handler) {
        return p -> {
            String prefix = prefixOf(p);
            String key = p.request().header(prefix + "api");
            ApiKeys.ApiKey account = key == null ? null : keys.byKey(key.trim()).orElse(null);
            if (account == null) {
                return Mono.just(unauthorized());
            }
            if (!limits.tryAcquire(scope, account.key())) {
                return Mono.just(tooMany());
            }
            String nonce = p.request().header(prefix + "nonce");
            if (nonce == null || !nonce.trim().matches("\\d{1,19}")) {
                return Mono.just(unauthorized());
            }
            String body = new String(p.request().body(), StandardCharsets.UTF_8);
            String path = BtseSignature.signedPath(p.request().path());
            if (!BtseSignature.verify(account.secret(), path, nonce.trim(), body, p.request().header(prefix + "sign"))) {
                return Mono.just(unauthorized());
            }
            return guarded(handler.handle(account.accountId(), p));
        };
    }

    /** The header spelling this request uses: {@code btse-} unless it sends {@code request-api}. */
    private static String prefixOf(Params p) {
        for (String prefix : PREFIXES) {
            if (p.request().header(prefix + "api") != null) {
                return prefix;
            }
        }
        return PREFIXES[0];
    }

    private Mono<FakeResponse> guarded(Mono<FakeResponse> answer) {
        return answer.onErrorResume(SimRejectedException.class, rejected -> Mono.just(errors.error(400, rejected.getMessage())));
    }

    FakeResponse unauthorized() {
        return BtseWire.error(clock, 401, BtseWire.UNAUTHORIZED, "UNAUTHORIZED: Authentication Failed");
    }

    private FakeResponse tooMany() {
        return errors.error(429, "Too many requests").withHeader("Retry-After", Long.toString(limits.retryAfterSeconds()));
    }
}
