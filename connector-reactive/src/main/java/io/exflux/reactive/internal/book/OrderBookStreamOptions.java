package io.exflux.reactive.internal.book;

/**
 * How {@link OrderBookStream} keeps a book.
 *
 * @param depth                 the most levels a side each emitted book shows
 * @param maxBufferedUpdates    the most updates kept while a snapshot loads; one more fetches a new one
 * @param maxConsecutiveResyncs the most snapshot fetches in a row without a consistent book in
 *                              between; one more fails the stream with the last typed error, so that a
 *                              venue that only sends unusable books cannot make us fetch forever
 */
public record OrderBookStreamOptions(int depth, int maxBufferedUpdates, int maxConsecutiveResyncs) {

    /** 100 levels a side, {@link OrderBookEngine#DEFAULT_MAX_BUFFERED} buffered updates, 5 resyncs in a row. */
    public static final OrderBookStreamOptions DEFAULTS =
            new OrderBookStreamOptions(100, OrderBookEngine.DEFAULT_MAX_BUFFERED, 5);

    public OrderBookStreamOptions {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1: " + depth);
        }
        if (maxBufferedUpdates < 0) {
            throw new IllegalArgumentException("maxBufferedUpdates must not be negative: " + maxBufferedUpdates);
        }
        if (maxConsecutiveResyncs < 0) {
            throw new IllegalArgumentException("maxConsecutiveResyncs must not be negative: "
                    + maxConsecutiveResyncs);
        }
    }

    /** These options with another depth. */
    public OrderBookStreamOptions withDepth(int newDepth) {
        return new OrderBookStreamOptions(newDepth, maxBufferedUpdates, maxConsecutiveResyncs);
    }
}
