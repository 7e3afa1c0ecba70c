package io.exflux.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Settings of {@link KafkaMarketData}. Immutable; {@link #builder(String)}. */
public final class KafkaMarketDataOptions {

    private final String bootstrapServers;
    private final String topicPrefix;
    private final StartFrom startFrom;
    private final Duration bookLookback;
    private final int bufferSize;
    private final int rememberedTradeIds;
    private final Map<String, Object> consumerProperties;

    private KafkaMarketDataOptions(Builder b) {
        this.bootstrapServers = b.bootstrapServers;
        this.topicPrefix = b.topicPrefix;
        this.startFrom = b.startFrom;
        this.bookLookback = b.bookLookback;
        this.bufferSize = b.bufferSize;
        this.rememberedTradeIds = b.rememberedTradeIds;
        this.consumerProperties = Map.copyOf(b.consumerProperties);
    }

    public static Builder builder(String bootstrapServers) {
        return new Builder(bootstrapServers);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String topicPrefix() {
        return topicPrefix;
    }

    public StartFrom startFrom() {
        return startFrom;
    }

    /** How far back a book reader starting at {@link StartFrom#LATEST} looks for a snapshot (default 15 s). */
    public Duration bookLookback() {
        return bookLookback;
    }

    /**
     * Trades a reader holds for a slow subscriber: past it the reader pauses its partition (Kafka keeps the
     * rest) and resumes once half of it has been delivered.
     */
    public int bufferSize() {
        return bufferSize;
    }

    /** Trade ids remembered per pair to recognise duplicates (default 100,000). */
    public int rememberedTradeIds() {
        return rememberedTradeIds;
    }

    public Map<String, Object> consumerProperties() {
        return consumerProperties;
    }

    public static final class Builder {
        private final String bootstrapServers;
        private String topicPrefix = KafkaTopics.DEFAULT_PREFIX;
        private StartFrom startFrom = StartFrom.LATEST;
        private Duration bookLookback = Duration.ofSeconds(15);
        private int bufferSize = 10_000;
        private int rememberedTradeIds = 100_000;
        private final Map<String, Object> consumerProperties = new HashMap<>();

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

        public Builder startFrom(StartFrom value) {
            this.startFrom = Objects.requireNonNull(value, "startFrom");
            return this;
        }

        public Builder bookLookback(Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException("bookLookback must not be negative");
            }
            this.bookLookback = value;
            return this;
        }

        public Builder bufferSize(int value) {
            if (value < 2) {
                throw new IllegalArgumentException("bufferSize must be at least 2: " + value);
            }
            this.bufferSize = value;
            return this;
        }

        public Builder rememberedTradeIds(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("rememberedTradeIds must be positive: " + value);
            }
            this.rememberedTradeIds = value;
            return this;
        }

        public Builder consumerProperty(String name, Object value) {
            consumerProperties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public KafkaMarketDataOptions build() {
            return new KafkaMarketDataOptions(this);
        }
    }
}
