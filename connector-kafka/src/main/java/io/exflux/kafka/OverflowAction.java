package io.exflux.kafka;

/**
 * What the publisher does with a record when its bounded buffer is full (Kafka slow or down). Every
 * record dropped either way is counted in {@link PublisherStats#dropped()}.
 */
public enum OverflowAction {
    /**
     * Drop the oldest record still waiting, keep the new one: after an outage consumers see the most
     * recent data; books recover at the next periodic snapshot. The default.
     */
    DROP_OLDEST,
    /** Drop the new record: what was buffered first is kept, the rest of the outage is lost. */
    DROP_NEWEST
}
