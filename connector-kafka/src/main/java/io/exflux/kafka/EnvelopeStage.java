package io.exflux.kafka;

/**
 * What a reader does with each envelope of its pair, on the reader's thread, in partition order: the value
 * to deliver, or {@code null} to deliver nothing (a duplicate, a book still waiting for its snapshot).
 */
interface EnvelopeStage<T> {

    T accept(MarketEnvelope envelope);
}
