package io.exflux.reactive.internal.http;

import io.exflux.reactive.internal.auth.NonceSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.Context;

/**
 * Makes the private calls of one API key leave in nonce order, for venues that refuse a nonce lower than one they
 * already saw: the nonce is taken, the request stamped and signed (the steps after this one) and written to the
 * wire in one section, and the sections of one key run one after another. Nothing blocks: a call whose turn has
 * not come waits on the completion of the previous section, on whatever thread finishes it.
 *
 * <p>A section ends when the transport reports the request written, or with the attempt's answer or failure,
 * or when the caller cancels (its place passes on once the section before it ends). Share one instance per API
 * key between every client of that key, together with its {@link NonceSource}.
 */
public final class NonceOrderStep implements RestStep {

    /** Context key under which the section's end is handed to the transport (see {@link RestTransport}). */
    static final Object WRITTEN = new Object() {
        @Override
        public String toString() {
            return "NonceOrderStep.WRITTEN";
        }
    };

    private final NonceSource nonces;
    private final BiFunction<RestRequest, Long, RestRequest> stamp;
    private final Predicate<RestRequest> applies;
    /** Completes when the last section entered so far has ended. */
    private final AtomicReference<Mono<Void>> tail = new AtomicReference<>(Mono.empty());

    /**
     * @param nonces  the key's nonce sequence
     * @param stamp   puts a nonce on a request (a header, a body field) before it is signed
     * @param applies which requests take a nonce: the key's private calls
     */
    public NonceOrderStep(NonceSource nonces, BiFunction<RestRequest, Long, RestRequest> stamp,
                          Predicate<RestRequest> applies) {
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.stamp = Objects.requireNonNull(stamp, "stamp");
        this.applies = Objects.requireNonNull(applies, "applies");
    }

    @Override
    public Mono<RestResponse> process(RestRequest request, Chain next) {
        if (!applies.test(request)) {
            return next.proceed(request);
        }
        return Mono.defer(() -> {
            // emitted once at most (released guards it): the serialized sink's guard against racing emitters
            // would be a second object per call for nothing
            Sinks.Empty<Void> ended = Sinks.unsafe().empty();
            Mono<Void> previous = tail.getAndSet(ended.asMono());
            AtomicBoolean entered = new AtomicBoolean();
            AtomicBoolean released = new AtomicBoolean();
            Runnable end = () -> {
                if (released.compareAndSet(false, true)) {
                    ended.tryEmitEmpty();
                }
            };
            return previous
                    .then(Mono.defer(() -> {
                        entered.set(true);
                        RestRequest stamped = stamp.apply(request, nonces.next());
                        return next.proceed(stamped).contextWrite(Context.of(WRITTEN, end));
                    }))
                    .doFinally(signal -> {
                        if (entered.get()) {
                            end.run();
                        } else {
                            // cancelled while waiting: give the turn on only once the section before has ended
                            previous.subscribe(null, null, end);
                        }
                    });
        });
    }

    @Override
    public String toString() {
        return "NonceOrderStep[" + nonces + "]";
    }
}
