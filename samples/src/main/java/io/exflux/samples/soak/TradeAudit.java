package io.exflux.samples.soak;

import io.exflux.api.model.Trade;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The trade ids one stream delivered, compared with the venue's trade log. The log is counted from the first trade
 * the stream delivered (what came before the subscription is not the stream's to deliver) to the venue's last.
 * {@link #onTrade} is called from the stream's thread, {@link #compare} from the soak's; both are synchronized.
 */
final class TradeAudit {

    private final Set<String> seen = new HashSet<>();
    private String first;
    private long delivered;
    private long duplicated;

    /** Records one delivered trade. */
    synchronized void onTrade(Trade trade) {
        delivered++;
        if (first == null) {
            first = trade.id();
        }
        if (!seen.add(trade.id())) {
            duplicated++;
        }
    }

    /** Whether the stream delivered this trade id. */
    synchronized boolean delivered(String id) {
        return seen.contains(id);
    }

    /** The stream's trades against the venue's log of the same pair, oldest first. */
    synchronized Tally compare(List<String> venueLog) {
        int start = first == null ? venueLog.size() : venueLog.indexOf(first);
        if (start < 0) {
            start = venueLog.size();
        }
        List<String> expected = venueLog.subList(start, venueLog.size());
        Set<String> inLog = new HashSet<>(expected);
        long missed = expected.stream().filter(id -> !seen.contains(id)).count();
        long unknown = seen.stream().filter(id -> !inLog.contains(id)).count();
        return new Tally(expected.size(), delivered, missed, duplicated, unknown);
    }

    /**
     * @param expected   trades in the venue's log since the first one delivered
     * @param delivered  trades the stream delivered (with duplicates)
     * @param missed     trades of the log the stream never delivered
     * @param duplicated deliveries of an id already delivered
     * @param unknown    delivered ids that are not in the log (before the first, or invented)
     */
    record Tally(long expected, long delivered, long missed, long duplicated, long unknown) {

        static final Tally NONE = new Tally(0, 0, 0, 0, 0);

        Tally plus(Tally other) {
            return new Tally(expected + other.expected, delivered + other.delivered, missed + other.missed,
                    duplicated + other.duplicated, unknown + other.unknown);
        }
    }
}
