package io.exflux.samples.soak;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Trade;
import io.exflux.api.stream.ConnectionEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The trade ids one stream delivered, compared with the venue's trade log. The log is counted from the first trade
 * the stream delivered (what came before the subscription is not the stream's to deliver) to the venue's last. A
 * trade the stream missed is announced when it lies inside a gap the client announced for this pair, silent
 * otherwise. {@link #onTrade} is called from the stream's thread, {@link #compare} from the soak's; both are
 * synchronized.
 */
final class TradeAudit {

    private final CurrencyPair pair;
    private final Set<String> seen = new HashSet<>();
    private String first;
    private long delivered;
    private long duplicated;

    TradeAudit(CurrencyPair pair) {
        this.pair = pair;
    }

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

    /** The stream's trades against the venue's log of the same pair, oldest first, and the gaps announced. */
    synchronized Tally compare(List<String> venueLog, List<ConnectionEvent.Gap> gaps) {
        int start = first == null ? venueLog.size() : venueLog.indexOf(first);
        if (start < 0) {
            start = venueLog.size();
        }
        Set<String> inLog = new HashSet<>(venueLog.subList(start, venueLog.size()));
        long missed = 0;
        long announced = 0;
        List<String> silentRuns = new ArrayList<>();
        int runStart = -1;
        for (int i = start; i <= venueLog.size(); i++) {
            boolean silent = false;
            if (i < venueLog.size() && !seen.contains(venueLog.get(i))) {
                missed++;
                if (insideGap(i, venueLog, gaps)) {
                    announced++;
                } else {
                    silent = true;
                }
            }
            if (silent && runStart < 0) {
                runStart = i;
            } else if (!silent && runStart >= 0) {
                silentRuns.add(run(venueLog, runStart, i - 1));
                runStart = -1;
            }
        }
        long unknown = seen.stream().filter(id -> !inLog.contains(id)).count();
        return new Tally(venueLog.size() - start, delivered, missed, announced, duplicated, unknown, silentRuns);
    }

    /** Trades {@code from} to {@code to} of the log, as {@code "id1..id2 (n)"}. */
    private static String run(List<String> log, int from, int to) {
        return (from == to ? log.get(from) : log.get(from) + ".." + log.get(to)) + " (" + (to - from + 1) + ")";
    }

    /** Whether the trade at {@code index} of the log lies between the exclusive bounds of a gap of this pair. */
    private boolean insideGap(int index, List<String> log, List<ConnectionEvent.Gap> gaps) {
        for (ConnectionEvent.Gap gap : gaps) {
            int from = gap.fromId() == null ? -1 : log.indexOf(gap.fromId());
            int to = gap.toId() == null ? log.size() : log.indexOf(gap.toId());
            boolean ours = gap.fromId() != null ? from >= 0
                    : gap.toId() != null ? to >= 0 : namesPair(gap.topic());
            if (ours && to >= 0 && from < index && index < to) {
                return true;
            }
        }
        return false;
    }

    /** A gap without either bound's id is this pair's when its topic names both currencies. */
    private boolean namesPair(String topic) {
        String upper = topic == null ? "" : topic.toUpperCase(Locale.ROOT);
        return upper.contains(pair.base().toUpperCase(Locale.ROOT))
                && upper.contains(pair.quote().toUpperCase(Locale.ROOT));
    }

    /**
     * @param expected   trades in the venue's log since the first one delivered
     * @param delivered  trades the stream delivered (with duplicates)
     * @param missed     trades of the log the stream never delivered
     * @param announced  of {@code missed}, those inside a gap the client announced
     * @param duplicated deliveries of an id already delivered
     * @param unknown    delivered ids that are not in the log (before the first, or invented)
     * @param silentRuns the missed trades no gap announced, as runs of consecutive trades of the log
     */
    record Tally(long expected, long delivered, long missed, long announced, long duplicated, long unknown,
                 List<String> silentRuns) {

        static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0, List.of());

        Tally {
            silentRuns = List.copyOf(silentRuns);
        }

        /** Missed trades no gap announced. */
        long silent() {
            return missed - announced;
        }

        Tally plus(Tally other) {
            List<String> runs = new ArrayList<>(silentRuns);
            runs.addAll(other.silentRuns);
            return new Tally(expected + other.expected, delivered + other.delivered, missed + other.missed,
                    announced + other.announced, duplicated + other.duplicated, unknown + other.unknown, runs);
        }
    }
}
