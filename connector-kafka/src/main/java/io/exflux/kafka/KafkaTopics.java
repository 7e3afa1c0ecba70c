package io.exflux.kafka;

import java.util.regex.Pattern;

/**
 * Topic names: {@code <prefix>.trades}, {@code <prefix>.books}, {@code <prefix>.tickers} for the data and
 * {@code <prefix>.assignments} whose partitions stand for slices of the collectors' venue x pair set.
 */
public final class KafkaTopics {

    /** The prefix unless one is configured. */
    public static final String DEFAULT_PREFIX = "exflux";

    private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    private KafkaTopics() {
    }

    /** The data topic of {@code kind}. */
    public static String topic(String prefix, MarketKind kind) {
        return prefix + '.' + kind.topicSuffix();
    }

    /** The assignment topic of the collectors using {@code prefix}. */
    public static String assignments(String prefix) {
        return prefix + ".assignments";
    }

    static String checkedPrefix(String prefix) {
        if (prefix == null || !LEGAL.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a topic prefix is 1 to 200 of [A-Za-z0-9._-]");
        }
        return prefix;
    }
}
