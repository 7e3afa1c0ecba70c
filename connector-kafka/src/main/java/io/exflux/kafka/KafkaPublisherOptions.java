package io.exflux.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a {@link KafkaPublisher}: where the brokers are, the topic prefix, the bounded buffer and
 * what happens when it is full, and any further producer property. Immutable; {@link #builder(String)}.
 *
 * <p>The producer is always idempotent ({@code enable.idempotence=true}, {@code acks=all}): its own retries
 * never duplicate or reorder a record within a partition.
 */
public final class KafkaPublisherOptions {

    /** Records held at most (queued plus unacknowledged) unless told otherwise. */
    public static final int DEFAULT_BUFFER_CAPACITY = 100_000;

    private final String bootstrapServers;
    private final String topicPrefix;
    private final int bufferCapacity;
    private final OverflowAction overflowAction;
    private final Duration deliveryTimeout;
    private final Map<String, Object> producerProperties;

    private KafkaPublisherOptions(Builder b) {
        this.bootstrapServers = b.bootstrapServers;
        this.topicPrefix = b.topicPrefix;
        this.bufferCapacity = b.bufferCapacity;
        this.overflowAction = b.overflowAction;
        this.deliveryTimeout = b.deliveryTimeout;
        this.producerProperties = Map.copyOf(b.producerProperties);
    }

    public static Builder builder(String bootstrapServers) {
        return new Builder(bootstrapServers);
    }

    public Builder mutate() {
        Builder b = new Builder(bootstrapServers);
        b.topicPrefix = topicPrefix;
        b.bufferCapacity = bufferCapacity;
        b.overflowAction = overflowAction;
        b.deliveryTimeout = deliveryTimeout;
        b.producerProperties.putAll(producerProperties);
        return b;
    }

    /** {@code host:port[,host:port...]}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The topics' common prefix, {@code exflux} by default. */
    public String topicPrefix() {
        return topicPrefix;
    }

    /** Records held at most, queued or unacknowledged; one more triggers {@link #overflowAction()}. */
    public int bufferCapacity() {
        return bufferCapacity;
    }

    public OverflowAction overflowAction() {
        return overflowAction;
    }

    /**
     * How long the producer keeps retrying one record before counting it failed ({@code delivery.timeout.ms},
     * two minutes by default): an outage shorter than this loses nothing but what the buffer drops.
     */
    public Duration deliveryTimeout() {
        return deliveryTimeout;
    }

    /** Further producer properties; they cannot turn idempotence off. */
    public Map<String, Object> producerProperties() {
        return producerProperties;
    }

    public static final class Builder {
        private final String bootstrapServers;
        private String topicPrefix = KafkaTopics.DEFAULT_PREFIX;
        private int bufferCapacity = DEFAULT_BUFFER_CAPACITY;
        private OverflowAction overflowAction = OverflowAction.DROP_OLDEST;
        private Duration deliveryTimeout = Duration.ofMinutes(2);
        private final Map<String, Object> producerProperties = new HashMap<>();

        private Builder(String bootstrapServers) {
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            if (bootstrapServers.isBlank()) {
                throw new IllegalArgumentException("bootstrapServers must name at least one host:port");
            }
            this.bootstrapServers = bootstrapServers;
        }

        public Builder topicPrefix(String value) {
            this.topicPrefix = KafkaTopics.checkedPrefix(value);
            return this;
        }

        public Builder bufferCapacity(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("bufferCapacity must be positive: " + value);
            }
            this.bufferCapacity = value;
            return this;
        }

        public Builder overflowAction(OverflowAction value) {
            this.overflowAction = Objects.requireNonNull(value, "overflowAction");
            return this;
        }

        public Builder deliveryTimeout(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("deliveryTimeout must be positive");
            }
            this.deliveryTimeout = value;
            return this;
        }

        public Builder producerProperty(String name, Object value) {
            producerProperties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public KafkaPublisherOptions build() {
            return new KafkaPublisherOptions(this);
        }
    }
}
