package io.exflux.samples.soak;

import io.exflux.api.model.OrderBook;
import io.exflux.api.model.PriceLevel;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The latest book one stream delivered, and whether it equals the venue's: same levels, prices and amounts
 * compared by value (so {@code 65000.0} equals {@code 65000.00}), best first, down to the depth watched.
 */
final class BookAudit {

    private final AtomicReference<OrderBook> latest = new AtomicReference<>();

    /** Records a delivered book; called from the stream's thread. */
    void onBook(OrderBook book) {
        latest.set(book);
    }

    /** Whether a book arrived yet. */
    boolean hasBook() {
        return latest.get() != null;
    }

    /** Whether the latest delivered book equals the venue's book. */
    boolean matches(OrderBook venue) {
        OrderBook mine = latest.get();
        return mine != null && sameLevels(mine.bids(), venue.bids()) && sameLevels(mine.asks(), venue.asks());
    }

    static boolean sameLevels(List<PriceLevel> a, List<PriceLevel> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).price().compareTo(b.get(i).price()) != 0
                    || a.get(i).amount().compareTo(b.get(i).amount()) != 0) {
                return false;
            }
        }
        return true;
    }
}
