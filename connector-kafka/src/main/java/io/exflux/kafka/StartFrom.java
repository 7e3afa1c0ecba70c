package io.exflux.kafka;

/** Where a reader starts in its partition. */
public enum StartFrom {
    /** The oldest message Kafka still keeps. */
    EARLIEST,
    /**
     * New messages only; a book reader goes back by {@link KafkaMarketDataOptions#bookLookback()} so that it
     * finds a snapshot to build on.
     */
    LATEST
}
