package io.exflux.kafka;

/**
 * The publisher's counters since it was created.
 *
 * @param offered   records handed to the publisher
 * @param published records the broker acknowledged
 * @param failed    records the producer gave up on (its delivery timeout passed, or a fatal error)
 * @param dropped   records dropped by the {@link OverflowAction} because the buffer was full
 * @param buffered  records waiting now: queued, or sent and not yet acknowledged
 */
public record PublisherStats(long offered, long published, long failed, long dropped, int buffered) {
}
