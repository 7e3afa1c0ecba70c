package io.exflux.samples.soak;

import io.exflux.api.ExchangeClient;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.OrderStatus;
import java.util.List;

/**
 * One venue's simulator under soak: its market generator, its trade log and books (the truth the client is
 * compared with), a funded account, and a client of the real connector pointed at URLs the soak chooses (the
 * chaos proxies in front of the simulator). One implementation per venue with a simulator; {@link SoakVenues}
 * lists them. Every method returns at once except {@link #close()} and {@link #accountOrders()}, which the soak
 * calls from its own thread.
 */
public interface SoakVenue extends AutoCloseable {

    /** The venue id, as {@code exflux --venue} takes it. */
    String id();

    /** The simulator's REST base URL (put a proxy in front of it). */
    String restUrl();

    /** The simulator's websocket URL (put a proxy in front of it). */
    String websocketUrl();

    /** The markets to watch: two or three. */
    List<CurrencyPair> pairs();

    /** A client of the venue's connector at these URLs, logged in to the funded account. */
    ExchangeClient client(String restUrl, String websocketUrl);

    /** The venue's trade ids of a pair, oldest first, as the client reports them ({@code Trade.id()}). */
    List<String> tradeIds(CurrencyPair pair);

    /** The venue's book of a pair now, at most {@code depth} levels a side. */
    OrderBook book(CurrencyPair pair, int depth);

    /** Stops the market generator (a quiet moment). */
    void pauseMarket();

    /** Starts the market generator again. */
    void resumeMarket();

    /**
     * A small limit order that rests far from the market (it is placed and cancelled under cuts), carrying
     * {@code clientOrderId} where the venue's client sends one; {@link #accountOrders()} names it by that id either
     * way.
     */
    OrderRequest restingOrder(CurrencyPair pair, String clientOrderId);

    /** Every order of the funded account the venue holds now. Blocks: call it from the soak's thread. */
    List<HeldOrder> accountOrders();

    /** Cancels every open order of the funded account at the venue itself (not through the client). Blocks. */
    void cancelAccountOrders();

    /** Stops the simulator. */
    @Override
    void close();

    /** An order as the venue holds it: its id as the client reports it, its client order id and its status. */
    record HeldOrder(String id, String clientOrderId, OrderStatus status) {
    }
}
