package io.exflux.reactive.internal.unified;

import io.exflux.api.error.ErrorContext;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.error.NotFoundException;
import io.exflux.api.error.ProtocolException;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What every venue's unified client does the same way, for one venue: refuse bad arguments with a typed
 * error (never a throw), turn a venue answer that a unified record refuses into a {@link ProtocolException},
 * and keep a stream alive past one message that does not map. Immutable and thread-safe.
 */
public final class UnifiedSupport {

    private static final Logger LOG = LoggerFactory.getLogger(UnifiedSupport.class);

    /** A venue answer that breaks a unified type's rules: a record's constructor refused it. */
    private static final Predicate<Throwable> UNFIT =
            e -> e instanceof IllegalArgumentException || e instanceof NullPointerException;

    private final String venue;

    /** Support for the venue with this id, for example {@code alp}. */
    public UnifiedSupport(String venue) {
        this.venue = Objects.requireNonNull(venue, "venue");
    }

    /** The venue id that errors carry. */
    public String venue() {
        return venue;
    }

    /** A local {@link InvalidRequestException} naming the broken rule. */
    public InvalidRequestException invalidRequest(String rule) {
        return new InvalidRequestException(rule, ErrorContext.local(venue));
    }

    /** A Mono that fails with {@link #invalidRequest}. */
    public <T> Mono<T> invalid(String rule) {
        return Mono.error(() -> invalidRequest(rule));
    }

    /** A Flux that fails with {@link #invalidRequest}. */
    public <T> Flux<T> invalidFlux(String rule) {
        return Flux.error(() -> invalidRequest(rule));
    }

    /** A Mono that fails with a local {@link NotFoundException}. */
    public <T> Mono<T> notFound(String what) {
        return Mono.error(() -> new NotFoundException(what, ErrorContext.local(venue)));
    }

    /** The typed error for an answer that does not fit a unified type: the venue sent something unexpected. */
    public ProtocolException unfit(Throwable cause) {
        return new ProtocolException(venue + " answered a value the unified type refuses: " + cause.getMessage(),
                ErrorContext.local(venue), cause);
    }

    /** {@code answer} with a unified record's refusal turned into {@link #unfit}; other errors pass unchanged. */
    public <T> Mono<T> fit(Mono<T> answer) {
        return answer.onErrorMap(UNFIT, this::unfit);
    }

    /** {@code answer} with a unified record's refusal turned into {@link #unfit}; other errors pass unchanged. */
    public <T> Flux<T> fit(Flux<T> answer) {
        return answer.onErrorMap(UNFIT, this::unfit);
    }

    /**
     * Each stream message mapped to the unified type; one the mapper refuses (a zero price, a missing
     * field) is logged and skipped, so one bad frame never ends the subscriber's stream. Hot or cold as
     * {@code messages} is; backpressure passes through.
     */
    public <A, B> Flux<B> mapOrSkip(Flux<A> messages, Function<A, B> mapper, Function<A, String> what) {
        return messages.handle((message, sink) -> {
            B mapped;
            try {
                mapped = mapper.apply(message);
            } catch (RuntimeException e) {
                LOG.error("{} {} cannot be mapped and is skipped: {}", venue, what.apply(message), e.toString());
                return;
            }
            sink.next(mapped);
        });
    }
}
