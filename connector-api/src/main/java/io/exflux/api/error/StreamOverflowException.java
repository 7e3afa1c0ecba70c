package io.exflux.api.error;

/**
 * A stream subscriber read slower than the venue sent and its bounded buffer filled up, on a stream
 * whose messages must not be dropped silently (trades, private streams). Only that subscriber fails;
 * the socket and the other subscribers carry on. Subscribe again (and reconcile through REST) or read
 * faster, or choose a larger buffer in the stream's overflow policy.
 */
public class StreamOverflowException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final int capacity;

    /** The subscriber of {@code topic} overflowed its buffer of {@code capacity} messages. */
    public StreamOverflowException(String topic, int capacity) {
        super("subscriber of " + topic + " fell behind: its buffer of " + capacity + " messages is full");
        this.topic = topic;
        this.capacity = capacity;
    }

    /** The topic whose subscriber fell behind. */
    public String topic() {
        return topic;
    }

    /** The buffer size that was exceeded. */
    public int capacity() {
        return capacity;
    }

    /** Subscribing again works once the subscriber keeps up. */
    @Override
    public boolean isTransient() {
        return true;
    }
}
