package io.exflux.reactive.internal.unified;

import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Pages a list through an endpoint with {@code limit} and {@code offset} parameters: pages of at most
 * {@code pageSize}, the last one cut to what is still wanted, until {@code total} records came or the
 * venue answered a short page (it has no more).
 */
public final class OffsetPager {

    private OffsetPager() {
    }

    /** One call: the records from {@code offset}, at most {@code limit} of them. */
    @FunctionalInterface
    public interface PageCall<T> {
        Flux<T> fetch(int limit, int offset);
    }

    /**
     * Up to {@code total} records in the venue's order. Cold; the next page is asked for only once the
     * subscriber has requested every record of the previous one. The errors of a call end the flux.
     *
     * An {@link IllegalArgumentException} arrives when {@code total} or {@code pageSize} is not positive.
     */
    public static <T> Flux<T> page(int total, int pageSize, PageCall<T> call) {
        if (total < 1 || pageSize < 1) {
            return Flux.error(new IllegalArgumentException("total and pageSize must be positive, were " + total + ", "
                    + pageSize));
        }
        return from(0, total, pageSize, call).take(total);
    }

    private static <T> Flux<T> from(int offset, int remaining, int pageSize, PageCall<T> call) {
        int size = Math.min(pageSize, remaining);
        return call.fetch(size, offset).collectList().flatMapMany(page -> {
            Flux<T> records = Flux.fromIterable(page);
            return isLast(page, size, remaining) ? records
                    : records.concatWith(Flux.defer(() -> from(offset + size, remaining - size, pageSize, call)));
        });
    }

    private static boolean isLast(List<?> page, int size, int remaining) {
        return page.size() < size || remaining == size;
    }
}
