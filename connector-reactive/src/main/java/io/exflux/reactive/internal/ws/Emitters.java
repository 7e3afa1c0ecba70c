package io.exflux.reactive.internal.ws;

import java.time.Duration;
import reactor.core.publisher.Sinks;

/** Emission into sinks that several threads (sockets, timers) may feed at once. */
final class Emitters {

    /** Spins briefly when another thread is emitting: emissions are tiny, so contention is short. */
    private static final Sinks.EmitFailureHandler RETRY_WHILE_CONTENDED =
            Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(200));

    private Emitters() {
    }

    /**
     * Emits to a best-effort multicast sink; subscribers without demand miss the value (that is the
     * contract of the sinks this is used with), a sink without subscribers drops it.
     */
    static <T> void emit(Sinks.Many<T> sink, T value) {
        Sinks.EmitResult result = sink.tryEmitNext(value);
        if (result == Sinks.EmitResult.FAIL_NON_SERIALIZED) {
            sink.emitNext(value, (signal, failure) ->
                    failure == Sinks.EmitResult.FAIL_NON_SERIALIZED && RETRY_WHILE_CONTENDED.onEmitFailure(signal, failure));
        }
    }

    static <T> void error(Sinks.Many<T> sink, Throwable error) {
        sink.emitError(error, RETRY_WHILE_CONTENDED);
    }

    static <T> void complete(Sinks.Many<T> sink) {
        sink.emitComplete(RETRY_WHILE_CONTENDED);
    }
}
