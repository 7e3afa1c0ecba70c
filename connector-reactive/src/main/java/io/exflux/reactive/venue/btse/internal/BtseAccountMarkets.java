package io.exflux.reactive.venue.btse.internal;

import io.exflux.api.model.CurrencyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The markets the account was seen trading in: where this client placed orders, and where an order or a fill of a
 * stream showed activity. BTSE's trade history is per market, so a fill resync after a re-login reads these (and the
 * markets of the open orders). Bounded: a market is forgotten past {@link #CAPACITY} or once not heard of for longer
 * than the trade history reaches back. Thread-safe (placements and stream messages arrive on different threads).
 */
public final class BtseAccountMarkets {

    /** Markets remembered at most. */
    public static final int CAPACITY = 200;

    private final Duration kept;
    /** Market symbol to when it was last heard of, least recently heard of first. */
    private final Map<String, Instant> markets = new LinkedHashMap<>(16, 0.75f, true);

    /** Markets remembered while heard of within {@code kept}. */
    public BtseAccountMarkets(Duration kept) {
        this.kept = kept;
    }

    /** The account trades (or may trade) in this market now. */
    public synchronized void heardOf(CurrencyPair pair, Instant now) {
        if (pair == null) {
            return;
        }
        markets.put(BtseMapper.symbol(pair), now);
        if (markets.size() > CAPACITY) {
            Iterator<String> eldest = markets.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    /** The symbols of the markets heard of within the time kept, least recently heard of first. */
    public synchronized List<String> symbols(Instant now) {
        Instant horizon = now.minus(kept);
        markets.values().removeIf(at -> at.isBefore(horizon));
        return new ArrayList<>(markets.keySet());
    }
}
