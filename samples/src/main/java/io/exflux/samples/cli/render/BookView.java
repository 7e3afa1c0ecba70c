package io.exflux.samples.cli.render;

import static io.exflux.samples.cli.render.Formats.left;
import static io.exflux.samples.cli.render.Formats.plain;
import static io.exflux.samples.cli.render.Formats.right;
import static io.exflux.samples.cli.render.Formats.time;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import io.exflux.api.model.Trade;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a {@link BookBoard.Snapshot} out as text: the full screen for a terminal (asks above, bids
 * below, spread and mid between, the trade tape beside), or one summary line for plain output.
 * Pure functions of the snapshot, so the tests read exactly what a user sees.
 */
public final class BookView {

    private static final int PRICE = 16;
    private static final int AMOUNT = 14;

    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private final String venue;
    private final CurrencyPair pair;
    private final int depth;
    private final boolean colour;

    /** A view without colours. */
    public BookView(String venue, CurrencyPair pair, int depth) {
        this(venue, pair, depth, false);
    }

    /** @param colour asks and sells in red, bids and buys in green (ANSI), for a terminal */
    public BookView(String venue, CurrencyPair pair, int depth, boolean colour) {
        this.venue = venue;
        this.pair = pair;
        this.depth = depth;
        this.colour = colour;
    }

    /** The terminal screen, one string per line (with ANSI colours when asked for). */
    public List<String> screen(BookBoard.Snapshot snapshot, String status) {
        List<String> book = bookLines(snapshot.book());
        List<String> tape = tapeLines(snapshot.tape());
        List<String> lines = new ArrayList<>();
        lines.add(paint(BOLD, venue + "  " + pair.symbol("/")) + "  " + status);
        lines.add("");
        int rows = Math.max(book.size(), tape.size());
        int asks = snapshot.book() == null ? 0 : Math.min(depth, snapshot.book().asks().size());
        for (int i = 0; i < rows; i++) {
            String left = left(i < book.size() ? book.get(i) : "", 2 * AMOUNT + PRICE + 6);
            if (i >= 1 && i <= asks) {
                left = paint(RED, left);
            } else if (i > asks + 1 && i < book.size()) {
                left = paint(GREEN, left);
            } else if (i == asks + 1 && snapshot.book() != null) {
                left = paint(BOLD, left);
            }
            String right = i < tape.size() ? tape.get(i) : "";
            if (i >= 1 && i <= snapshot.tape().size()) {
                Side side = snapshot.tape().get(i - 1).takerSide();
                right = side == Side.BUY ? paint(GREEN, right) : side == Side.SELL ? paint(RED, right) : right;
            }
            lines.add(left + "   " + right);
        }
        lines.add("");
        lines.add("books " + snapshot.bookUpdates() + "  trades " + snapshot.tradeCount() + "  (Ctrl-C to quit)");
        return lines;
    }

    private List<String> bookLines(OrderBook book) {
        List<String> lines = new ArrayList<>();
        lines.add(right("ASK SIZE", AMOUNT) + right("PRICE", PRICE + 3) + right("BID SIZE", AMOUNT + 3));
        if (book == null) {
            lines.add("waiting for the first book...");
            return lines;
        }
        List<PriceLevel> asks = book.asks().subList(0, Math.min(depth, book.asks().size()));
        for (int i = asks.size() - 1; i >= 0; i--) {
            PriceLevel level = asks.get(i);
            lines.add(right(plain(level.amount()), AMOUNT) + right(plain(level.price()), PRICE + 3));
        }
        lines.add(right("spread " + book.spread().map(Formats::plain).orElse("-")
                + "   mid " + book.mid().map(Formats::plain).orElse("-"), AMOUNT + PRICE + 3));
        List<PriceLevel> bids = book.bids().subList(0, Math.min(depth, book.bids().size()));
        for (PriceLevel level : bids) {
            lines.add(right("", AMOUNT) + right(plain(level.price()), PRICE + 3)
                    + right(plain(level.amount()), AMOUNT + 3));
        }
        return lines;
    }

    private static List<String> tapeLines(List<Trade> tape) {
        List<String> lines = new ArrayList<>();
        lines.add("TRADES (newest first)");
        for (Trade trade : tape) {
            lines.add(tradeLine(trade));
        }
        return lines;
    }

    private String paint(String style, String text) {
        return colour ? style + text + RESET : text;
    }

    /** One trade: time, taker side, price, amount. */
    public static String tradeLine(Trade trade) {
        return time(trade.timestamp()) + "  " + left(side(trade.takerSide()), 4)
                + right(plain(trade.price()), PRICE) + right(plain(trade.amount()), AMOUNT);
    }

    /** The plain-output line of a book: best levels, spread and mid. */
    public String bookSummary(OrderBook book) {
        String bid = book.bestBid().map(l -> plain(l.price()) + " x " + plain(l.amount())).orElse("-");
        String ask = book.bestAsk().map(l -> plain(l.price()) + " x " + plain(l.amount())).orElse("-");
        return "book  " + time(book.timestamp()) + "  " + pair.symbol("/") + "  bid " + bid + "  ask " + ask
                + "  spread " + book.spread().map(Formats::plain).orElse("-")
                + "  mid " + book.mid().map(Formats::plain).orElse("-")
                + "  levels " + book.bids().size() + "/" + book.asks().size();
    }

    /** The plain-output line of a trade. */
    public String tradeSummary(Trade trade) {
        return "trade " + time(trade.timestamp()) + "  " + pair.symbol("/") + "  " + side(trade.takerSide())
                + " " + plain(trade.amount()) + " @ " + plain(trade.price());
    }

    private static String side(Side side) {
        return side == null ? "?" : side.name();
    }
}
