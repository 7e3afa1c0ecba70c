package io.exflux.testkit.v1;

import io.exflux.testkit.server.ErrorReply;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.Params;
import io.exflux.testkit.server.RouteTable;
import io.exflux.testkit.sim.ApiKeys;
import io.exflux.testkit.sim.SimRejectedException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * The gate in front of every endpoint: the rate limits (429) and, for private endpoints, {@code X-KEY},
 * {@code X-SIGN} and {@code X-NONCE} (401 with the reason: a missing or unknown key, a wrong signature, a
 * missing nonce, or a nonce not greater than the last one accepted for that key). A refusal of the
 * matching engine becomes the venue's 400/403/404 answer.
 */
final class V1Auth {

    /** An endpoint behind valid auth headers. */
    @FunctionalInterface
    interface PrivateHandler {
        Mono<FakeResponse> handle(long account, Params params);
    }

    private final ApiKeys keys;
    private final ErrorReply errors;
    private final V1RateLimits limits;
    private final Map<String, AtomicLong> nonces = new ConcurrentHashMap<>();

    V1Auth(ApiKeys keys, ErrorReply errors, V1RateLimits limits) {
        this.keys = keys;
        this.errors = errors;
        this.limits = limits;
    }

    /** A public endpoint: counted against the IP's budget. */
    RouteTable.Handler publicly(RouteTable.Handler handler) {
        return p -> limits.publicCall() ? handler.handle(p).onErrorResume(SimRejectedException.class,
                rejected -> Mono.just(rejection(rejected))) : Mono.just(errors.tooManyRequests());
    }

    /** A private endpoint: auth headers checked, counted against the account's budget. */
    RouteTable.Handler privately(PrivateHandler handler) {
        return p -> {
            String key = p.request().header("X-KEY");
            if (key == null || key.isBlank()) {
                return Mono.just(errors.error(401, "X-KEY header is required"));
            }
            ApiKeys.ApiKey account = keys.byKey(key.trim()).orElse(null);
            if (account == null) {
                return Mono.just(errors.error(401, "Invalid key"));
            }
            if (!limits.privateCall(account.accountId())) {
                return Mono.just(errors.tooManyRequests());
            }
            Map<String, String> signed = p.bodyParameters();
            if (signed.isEmpty()) {
                signed = firstValues(p.request().query());
            }
            boolean get = p.request().method().equals("GET");
            if (!V1Signature.verify(account.key(), account.secret(), signed, get, p.request().header("X-SIGN"))) {
                return Mono.just(errors.error(401, "Invalid sign"));
            }
            String nonceText = p.request().header("X-NONCE");
            long nonce;
            try {
                nonce = nonceText == null ? -1 : Long.parseLong(nonceText.trim());
            } catch (NumberFormatException notANumber) {
                nonce = -1;
            }
            if (nonce < 0) {
                return Mono.just(errors.error(401, "X-NONCE header must be an integer"));
            }
            if (!advance(account.key(), nonce)) {
                return Mono.just(errors.error(401, "Invalid nonce: it must be greater than the previous one"));
            }
            return handler.handle(account.accountId(), p)
                    .onErrorResume(SimRejectedException.class, rejected -> Mono.just(rejection(rejected)));
        };
    }

    /** An endpoint the documents show without auth but clients may sign: private when {@code X-KEY} is sent. */
    RouteTable.Handler optionally(PrivateHandler handler) {
        RouteTable.Handler signed = privately(handler);
        RouteTable.Handler open = publicly(p -> handler.handle(-1, p));
        return p -> p.request().header("X-KEY") == null ? open.handle(p) : signed.handle(p);
    }

    /** Whether the nonce is greater than every nonce accepted so far for this key (and records it). */
    private boolean advance(String key, long nonce) {
        AtomicLong last = nonces.computeIfAbsent(key, k -> new AtomicLong(Long.MIN_VALUE));
        while (true) {
            long previous = last.get();
            if (nonce <= previous) {
                return false;
            }
            if (last.compareAndSet(previous, nonce)) {
                return true;
            }
        }
    }

    /** The engine's refusal in the venue's words. */
    FakeResponse rejection(SimRejectedException rejected) {
        switch (rejected.reason()) {
            case INSUFFICIENT_FUNDS:
                return errors.error(400, "Out of balance");
            case ORDER_NOT_FOUND:
                return errors.error(404, "Order not found");
            case UNKNOWN_MARKET:
                return errors.error(400, "Pair not found");
            case INVALID_PRICE:
                return errors.error(400, "Invalid price: too many decimals or not positive");
            case INVALID_AMOUNT:
                return errors.error(400, "Invalid amount: too many decimals or not positive");
            case AMOUNT_TOO_SMALL:
                return errors.error(400, "Amount is less than the minimum order size");
            case AMOUNT_TOO_LARGE:
                return errors.error(400, "Amount is greater than the maximum order size");
            default:
                return errors.error(400, rejected.getMessage());
        }
    }

    private static Map<String, String> firstValues(Map<String, java.util.List<String>> query) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        query.forEach((name, values) -> out.put(name, values.isEmpty() ? "" : values.get(0)));
        return out;
    }
}
