package io.exflux.reactive.internal.metrics;

/** The names and tag keys of exflux's meters, one place for the registry binding, the tests and the guide. */
public final class MeterNames {

    /** Timer: REST calls (all attempts of one call), tags venue, operation, outcome, error. */
    public static final String REST_CALLS = "exflux.rest.calls";
    /** Counter: attempts sent again, tags venue, operation. */
    public static final String REST_RETRIES = "exflux.rest.retries";
    /** Counter: 429 answers, tags venue, operation. */
    public static final String REST_RATE_LIMITED = "exflux.rest.rate.limited";
    /** Counter: attempts that waited for a rate-limit permit, tags venue, scope. */
    public static final String RATE_LIMIT_WAITS = "exflux.rate.limit.waits";
    /** Gauge: sockets open or reconnecting, tag endpoint. */
    public static final String STREAM_SOCKETS = "exflux.stream.sockets";
    /** Gauge: live topics, tag endpoint. */
    public static final String STREAM_TOPICS = "exflux.stream.topics";
    /** Counter: connections lost that will be made again, tag endpoint. */
    public static final String STREAM_RECONNECTS = "exflux.stream.reconnects";
    /** Counter: frames skipped because they could not be read, tag endpoint. */
    public static final String STREAM_MALFORMED_FRAMES = "exflux.stream.malformed.frames";
    /** Counter: subscribers that fell behind beyond their buffer, tags endpoint, topic. */
    public static final String STREAM_OVERFLOWS = "exflux.stream.overflows";
    /** Counter (a registry shows it as a rate): messages delivered, tags endpoint, topic. */
    public static final String STREAM_MESSAGES = "exflux.stream.messages";
    /** Counter: order books rebuilt from a fresh snapshot, tag reason. */
    public static final String BOOK_RESYNCS = "exflux.book.resyncs";
    /** Observation around each REST call; its low-cardinality keys are venue, operation, outcome. */
    public static final String REST_OBSERVATION = "exflux.rest.call";

    private MeterNames() {
    }
}
