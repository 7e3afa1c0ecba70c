package io.exflux.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Settings of a {@link MarketDataCollector}. Every collector of one group must be given the same
 * {@link #keys()} (their sorted order numbers the slices) and the same topic prefix.
 */
public final class CollectorOptions {

    private final String groupId;
    private final List<StreamKey> keys;
    private final CollectSettings collect;
    private final Duration sessionTimeout;
    private final Duration heartbeatInterval;
    private final int slices;
    private final int dataPartitions;
    private final Map<String, Object> consumerProperties;

    private CollectorOptions(Builder b) {
        this.groupId = b.groupId;
        this.keys = List.copyOf(new TreeSet<>(b.keys));
        this.collect = b.collect;
        this.sessionTimeout = b.sessionTimeout;
        this.heartbeatInterval = b.heartbeatInterval;
        this.slices = b.slices > 0 ? b.slices : Math.max(1, Math.min(256, keys.size()));
        this.dataPartitions = b.dataPartitions;
        this.consumerProperties = Map.copyOf(b.consumerProperties);
    }

    public static Builder builder(String groupId, List<StreamKey> keys) {
        return new Builder(groupId, keys);
    }

    /** The consumer group the collectors share. */
    public String groupId() {
        return groupId;
    }

    /** The venue x pair set, sorted. */
    public List<StreamKey> keys() {
        return keys;
    }

    public CollectSettings collect() {
        return collect;
    }

    /** How long a silent collector stays in the group: its pairs move to the others after this. */
    public Duration sessionTimeout() {
        return sessionTimeout;
    }

    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** Partitions of the assignment topic when it is created (default: one per key, at most 256). */
    public int slices() {
        return slices;
    }

    /** Partitions of each data topic when it is created. */
    public int dataPartitions() {
        return dataPartitions;
    }

    public Map<String, Object> consumerProperties() {
        return consumerProperties;
    }

    public static final class Builder {
        private final String groupId;
        private final List<StreamKey> keys;
        private CollectSettings collect = CollectSettings.DEFAULTS;
        private Duration sessionTimeout = Duration.ofSeconds(45);
        private Duration heartbeatInterval = Duration.ofSeconds(3);
        private int slices;
        private int dataPartitions = 12;
        private final Map<String, Object> consumerProperties = new HashMap<>();

        private Builder(String groupId, List<StreamKey> keys) {
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(keys, "keys");
            if (groupId.isBlank() || keys.isEmpty()) {
                throw new IllegalArgumentException("a collector needs a group id and at least one venue:pair");
            }
            this.groupId = groupId;
            this.keys = keys;
        }

        public Builder collect(CollectSettings value) {
            this.collect = Objects.requireNonNull(value, "collect");
            return this;
        }

        /** The broker bounds it ({@code group.min.session.timeout.ms}, {@code group.max.session.timeout.ms}). */
        public Builder sessionTimeout(Duration value) {
            this.sessionTimeout = Objects.requireNonNull(value, "sessionTimeout");
            return this;
        }

        public Builder heartbeatInterval(Duration value) {
            this.heartbeatInterval = Objects.requireNonNull(value, "heartbeatInterval");
            return this;
        }

        public Builder slices(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("slices must be positive: " + value);
            }
            this.slices = value;
            return this;
        }

        public Builder dataPartitions(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("dataPartitions must be positive: " + value);
            }
            this.dataPartitions = value;
            return this;
        }

        public Builder consumerProperty(String name, Object value) {
            consumerProperties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public CollectorOptions build() {
            if (heartbeatInterval.compareTo(sessionTimeout) >= 0) {
                throw new IllegalArgumentException("heartbeatInterval must be shorter than sessionTimeout");
            }
            return new CollectorOptions(this);
        }
    }
}
