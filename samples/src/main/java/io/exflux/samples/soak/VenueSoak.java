package io.exflux.samples.soak;

import io.exflux.api.Capability;
import io.exflux.api.ExchangeClient;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.stream.ConnectionEvent;
import io.exflux.testkit.chaos.ChaosProxy;
import io.exflux.testkit.chaos.ChaosSchedule;
import io.exflux.testkit.chaos.ChaosStats;
import io.exflux.testkit.chaos.FaultKind;
import io.exflux.testkit.chaos.LeakReports;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One venue's soak: its simulator, a chaos proxy in front of its REST and one in front of its websocket, a client
 * through both, the audits fed by the client's streams, the chaos schedules, quiet checks of the books, and at the
 * end the rows of the table. Runs on the caller's thread and blocks for the soak's duration (plus the settling at
 * quiet checks and at the end): a command or a test thread, never an event loop.
 */
final class VenueSoak {

    /** Book levels a side compared at quiet checks. */
    static final int DEPTH = 10;
    private static final Duration FIRST_DATA = Duration.ofSeconds(30);
    /** Longer than the reconnect backoff's ceiling (30 s), so a socket deep in its backoff still comes back. */
    private static final Duration SETTLE = Duration.ofSeconds(45);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration ORDER_EVERY = Duration.ofSeconds(1);
    private static final Duration ORDER_HOLD = Duration.ofSeconds(2);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final int THREAD_GROWTH = 10;
    private static final long HEAP_GROWTH_MIB = 128;

    private final SoakVenue venue;
    private final SoakSettings settings;
    private final PrintStream progress;
    private final long seed;
    private final Map<CurrencyPair, TradeAudit> trades = new LinkedHashMap<>();
    private final Map<CurrencyPair, BookAudit> books = new LinkedHashMap<>();
    private final ConnectionAudit connections = new ConnectionAudit();
    private final StreamErrors errors = new StreamErrors();
    private int quietChecks;
    private int booksEqual;

    VenueSoak(SoakVenue venue, SoakSettings settings, PrintStream progress) {
        this.venue = venue;
        this.settings = settings;
        this.progress = progress;
        this.seed = settings.seed() * 131 + venue.id().hashCode();
        venue.pairs().forEach(pair -> {
            trades.put(pair, new TradeAudit(pair));
            books.put(pair, new BookAudit());
        });
    }

    /** Runs the soak and adds this venue's rows to the report. */
    void run(SoakReport report) throws InterruptedException {
        LeakReports.install();
        try (ChaosProxy rest = proxyFor(venue.restUrl(), seed);
             ChaosProxy ws = proxyFor(venue.websocketUrl(), seed + 1)) {
            ExchangeClient client = venue.client(rest.url(venue.restUrl()), ws.url(venue.websocketUrl()));
            OrderAudit orders = new OrderAudit(client, venue::restingOrder);
            Disposable.Composite streams = Disposables.composite();
            ResourceSample start;
            ResourceSample end;
            List<SoakVenue.HeldOrder> held;
            long leaksBefore;
            try {
                subscribe(client, orders, streams);
                if (!await(() -> books.values().stream().allMatch(BookAudit::hasBook), FIRST_DATA)) {
                    progress.println("soak " + venue.id() + ": no book within " + FIRST_DATA.toSeconds() + " s");
                }
                leaksBefore = LeakReports.count();
                start = ResourceSample.now();
                if (placesOrders(client)) {
                    streams.add(orders.start(venue.pairs(), ORDER_EVERY, ORDER_HOLD, Schedulers.parallel()));
                }
                chaos(rest, ws, orders);
                finish(orders, client.capabilities().supports(Capability.WATCH_ORDERS));
                held = venue.accountOrders();
                end = ResourceSample.now();
            } finally {
                streams.dispose();
                client.closeGracefully().onErrorResume(error -> Mono.empty()).block(CLOSE_TIMEOUT);
            }
            rows(report, client, orders.compare(held), rest.stats(), ws.stats(),
                    connections.stalls(ws.events(), SoakSettings.STALL_BOUND.plus(SoakSettings.STALL_REPORT_ALLOWANCE)),
                    start, end, leaksBefore);
        }
    }

    private static ChaosProxy proxyFor(String url, long seed) {
        URI uri = URI.create(url);
        return ChaosProxy.to(uri.getHost(), uri.getPort()).seed(seed).start();
    }

    private void subscribe(ExchangeClient client, OrderAudit orders, Disposable.Composite streams) {
        streams.add(client.connectionEvents().subscribe(connections::onEvent,
                error -> errors.record("connection events", error)));
        trades.forEach((pair, audit) -> streams.add(client.watchTrades(pair)
                .subscribe(audit::onTrade, error -> errors.record("trades " + pair, error))));
        books.forEach((pair, audit) -> streams.add(client.watchOrderBook(pair, DEPTH)
                .subscribe(audit::onBook, error -> errors.record("book " + pair, error))));
        if (client.capabilities().supports(Capability.WATCH_ORDERS)) {
            streams.add(client.watchOrders().subscribe(orders::onOrder, error -> errors.record("orders", error)));
        }
    }

    private static boolean placesOrders(ExchangeClient client) {
        return client.capabilities().supports(Capability.PLACE_LIMIT_ORDER)
                && client.capabilities().supports(Capability.CANCEL_ORDER);
    }

    /** The chaos for the soak's duration, stopped for a quiet check of the books every so often. */
    private void chaos(ChaosProxy rest, ChaosProxy ws, OrderAudit orders) throws InterruptedException {
        Instant begin = Instant.now();
        Instant deadline = begin.plus(settings.duration());
        int segment = 0;
        while (Instant.now().isBefore(deadline)) {
            ChaosSchedule.Run restRun = ChaosPlan.rest(seed, segment).start(rest);
            ChaosSchedule.Run wsRun = ChaosPlan.websocket(seed, segment).start(ws);
            Instant checkAt = Instant.now().plus(settings.checkEvery());
            sleepUntil(checkAt.isBefore(deadline) ? checkAt : deadline);
            restRun.stop();
            wsRun.stop();
            calm(rest, ws, orders);
            if (Instant.now().isBefore(deadline)) {
                quietCheck();
                progress.printf("soak %s: %d s of %d s, %d websocket faults, %d REST faults, books equal %d of %d%n",
                        venue.id(), Duration.between(begin, Instant.now()).toSeconds(),
                        settings.duration().toSeconds(), faults(ws.stats()), faults(rest.stats()), booksEqual,
                        quietChecks);
                if (Instant.now().isBefore(deadline)) {
                    // a check that ran past the end leaves the market still: the end's checks need it quiet
                    venue.resumeMarket();
                    orders.pause(false);
                }
            }
            segment++;
        }
    }

    /** Ends every fault and holds the market and the orders still: a quiet moment. */
    private void calm(ChaosProxy rest, ChaosProxy ws, OrderAudit orders) {
        rest.heal();
        ws.heal();
        connections.healed(Instant.now());
        orders.pause(true);
        venue.pauseMarket();
    }

    /**
     * Waits until each book the client holds equals the venue's (a reconnect may have to happen first), all books
     * at once: each has {@link #SETTLE} from the heal, however many pairs there are.
     */
    private void quietCheck() throws InterruptedException {
        Set<CurrencyPair> equal = new HashSet<>();
        await(() -> {
            books.forEach((pair, audit) -> {
                if (!equal.contains(pair) && audit.matches(venue.book(pair, DEPTH))) {
                    equal.add(pair);
                }
            });
            return equal.size() == books.size();
        }, SETTLE);
        quietChecks += books.size();
        booksEqual += equal.size();
    }

    /**
     * The end: placements in flight are answered, the account's open orders are cancelled at the venue, the books
     * get a last quiet check, and the streams get time to deliver the last trades and order states (as long as a
     * socket gets to come back: a back-fill after the last reconnect may still wait for its REST answer).
     */
    private void finish(OrderAudit orders, boolean watchesOrders) throws InterruptedException {
        await(() -> orders.inFlight() == 0, SETTLE);
        venue.cancelAccountOrders();
        quietCheck();
        Instant since = Instant.now();
        boolean delivered = await(() -> trades.entrySet().stream()
                .allMatch(entry -> lastDelivered(entry.getKey(), entry.getValue()))
                && (!watchesOrders || orders.allFinalsSeen(venue.accountOrders())), SETTLE);
        progress.printf("soak %s: last trades and order states %s after the books settled%n", venue.id(),
                delivered ? "delivered " + seconds(Duration.between(since, Instant.now())) + " s" : "still missing");
    }

    private boolean lastDelivered(CurrencyPair pair, TradeAudit audit) {
        List<String> log = venue.tradeIds(pair);
        return log.isEmpty() || audit.delivered(log.get(log.size() - 1));
    }

    private void rows(SoakReport report, ExchangeClient client, OrderAudit.Tally orders, ChaosStats rest,
                      ChaosStats ws, ConnectionAudit.Stalls stalls, ResourceSample start, ResourceSample end,
                      long leaksBefore) throws InterruptedException {
        String v = venue.id();
        boolean strictGaps = settings.strictGaps();
        List<ConnectionEvent.Gap> gaps = connections.gaps();
        TradeAudit.Tally tally = TradeAudit.Tally.NONE;
        for (Map.Entry<CurrencyPair, TradeAudit> entry : trades.entrySet()) {
            tally = tally.plus(entry.getValue().compare(venue.tradeIds(entry.getKey()), gaps));
        }
        String bound = SoakSettings.STALL_BOUND.toSeconds() + " s (+" + SoakSettings.STALL_REPORT_ALLOWANCE.toSeconds()
                + " s to report)";
        LeakReports.sweep();
        long leaks = LeakReports.count() - leaksBefore;
        report.info(v, "websocket faults", describe(ws))
                .info(v, "disconnects seen, by cause", connections.disconnects() + " " + connections.causes())
                .info(v, "REST faults", describe(rest))
                .row(v, "stream errors", errors.count() + (errors.count() == 0 ? "" : " " + errors.first()), "= 0",
                        errors.count() == 0)
                .info(v, "trades delivered / in venue log", tally.delivered() + " / " + tally.expected())
                .info(v, "trades missed", tally.missed() + " (" + percent(tally.missed(), tally.expected()) + "), "
                        + tally.announced() + " inside the " + gaps.size() + " gaps announced")
                .row(v, "trades missed, no gap announced", tally.silent() + (tally.silent() == 0 ? ""
                                : " in " + tally.silentRuns().size() + " runs: " + String.join(", ",
                                tally.silentRuns().subList(0, Math.min(4, tally.silentRuns().size())))),
                        "= 0", strictGaps, tally.silent() == 0)
                .row(v, "trades duplicated", tally.duplicated(), "= 0", tally.duplicated() == 0)
                .row(v, "trades not in venue log", tally.unknown(), "= 0", tally.unknown() == 0)
                .row(v, "books equal at quiet checks", booksEqual + " of " + quietChecks, "all",
                        quietChecks > 0 && booksEqual == quietChecks)
                .info(v, "stalls ended by a cut or heal within " + bound, stalls.cutShort())
                .row(v, "stalls detected", stalls.detected() + " of " + stalls.total() + ", "
                                + stalls.withinBound() + " within " + bound
                                + (stalls.detected() == 0 ? "" : ", slowest " + seconds(stalls.slowest()) + " s"),
                        "all within " + bound, settings.strictLiveness(),
                        stalls.withinBound() == stalls.total());
        if (placesOrders(client)) {
            report.info(v, "placements", orders.attempts() + ": placed " + orders.placed() + ", outcome unknown "
                            + orders.unknown() + " (held " + orders.unknownHeld() + "), failed " + orders.failed()
                            + "; cancels " + orders.cancelled() + " ok, " + orders.cancelFailed() + " failed")
                    .row(v, "believed failed, held by venue", orders.failedButHeld(), "= 0",
                            orders.failedButHeld() == 0);
        } else {
            report.info(v, "placements", "none: " + v + "'s client places no limit orders");
        }
        if (client.capabilities().supports(Capability.WATCH_ORDERS)) {
            report.row(v, "own final states on watchOrders", orders.finalsSeen() + " of " + orders.finals() + " ("
                            + percent(orders.finalsSeen(), orders.finals()) + ")", "100 %", strictGaps,
                    orders.finalsSeen() == orders.finals());
        } else {
            report.info(v, "own final states on watchOrders", "not offered by " + v + "'s client");
        }
        report
                .row(v, "Netty leaks (" + LeakReports.level() + ")", leaks, "= 0", leaks == 0)
                .row(v, "threads start / end", start.threads() + " / " + end.threads(),
                        "end <= start + " + THREAD_GROWTH,
                        end.threads() <= start.threads() + THREAD_GROWTH)
                .row(v, "heap MiB start / end", start.heapMiB() + " / " + end.heapMiB(),
                        "end <= start + " + HEAP_GROWTH_MIB, end.heapMiB() <= start.heapMiB() + HEAP_GROWTH_MIB);
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }

    private static long faults(ChaosStats stats) {
        return stats.faults().values().stream().mapToLong(Long::longValue).sum();
    }

    private static String describe(ChaosStats stats) {
        return "cuts " + stats.faults(FaultKind.CUT) + ", resets " + stats.faults(FaultKind.RESET) + ", stalls "
                + stats.faults(FaultKind.STALL) + ", half-frames " + stats.faults(FaultKind.HALF_FRAME) + ", latency "
                + stats.faults(FaultKind.LATENCY);
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }

    private static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (!Instant.now().isBefore(until)) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
