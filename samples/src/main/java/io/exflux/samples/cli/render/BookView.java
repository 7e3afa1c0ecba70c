package io.exflux.samples.cli.render;

import static io.exflux.samples.cli.render.Formats.left;
import static io.exflux.samples.cli.render.Formats.right;
import static io.exflux.samples.cli.render.Formats.time;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import io.exflux.api.model.Ticker;
import io.exflux.api.model.Trade;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a {@link BookBoard.Snapshot} out as text: the full screen for a terminal (asks above, bids
 * below, spread and mid between, the trade tape beside), or one summary line for plain output.
 * Numbers print at the market's precision ({@link MarketScale}). The screen fits the size it is given:
 * fewer levels on a short terminal, the tape left out on a narrow one, and no line ever longer than
 * the terminal is wide (a wrapped line would scroll the frame). Pure functions of the snapshot, so the
 * tests read exactly what a user sees.
 */
public final class BookView {

    /** The title, a blank line and the column header above the book; a blank line and the footer below. */
    private static final int FIXED_ROWS = 6;
    private static final int GAP = 3;
    private static final int MIN_COLUMN = 8;
    private static final DateTimeFormatter TAPE_TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private final String venue;
    private final CurrencyPair pair;
    private final int depth;
    private final boolean colour;
    private final MarketScale scale;

    /**
     * @param depth  the most levels a side shows (fewer when the terminal is short)
     * @param colour asks and sells in red, bids and buys in green (ANSI), for a terminal
     * @param scale  the market's price and amount decimals
     */
    public BookView(String venue, CurrencyPair pair, int depth, boolean colour, MarketScale scale) {
        this.venue = venue;
        this.pair = pair;
        this.depth = depth;
        this.colour = colour;
        this.scale = scale;
    }

    /** A plain-output view (no colours, no screen) with the market's scales. */
    public static BookView plain(String venue, CurrencyPair pair, MarketScale scale) {
        return new BookView(venue, pair, 0, false, scale);
    }

    /** How many levels a side shows on a terminal of {@code rows} lines. */
    public int levelsFor(int rows) {
        return Math.max(0, Math.min(depth, (rows - FIXED_ROWS) / 2));
    }

    /**
     * The terminal screen for {@code size}, one string per line (with ANSI colours when asked for): at
     * most {@code size.rows()} lines, none wider than {@code size.columns()} visible characters.
     */
    public List<String> screen(BookBoard.Snapshot snapshot, String status, ScreenSize size) {
        int width = size.columns();
        OrderBook book = snapshot.book();
        int levels = levelsFor(size.rows());
        List<PriceLevel> asks = book == null ? List.of() : book.asks().subList(0, Math.min(levels, book.asks().size()));
        List<PriceLevel> bids = book == null ? List.of() : book.bids().subList(0, Math.min(levels, book.bids().size()));
        Columns columns = Columns.of(asks, bids, snapshot.tape(), scale);

        List<Row> bookRows = new ArrayList<>();
        bookRows.add(new Row(right("ASK SIZE", columns.amount) + "  " + right("PRICE", columns.price) + "  "
                + right("BID SIZE", columns.amount), null));
        if (book == null) {
            bookRows.add(new Row("waiting for the first book...", null));
        } else {
            for (int i = asks.size() - 1; i >= 0; i--) {
                PriceLevel level = asks.get(i);
                bookRows.add(new Row(right(scale.amount(level.amount()), columns.amount) + "  "
                        + right(scale.price(level.price()), columns.price), RED));
            }
            bookRows.add(new Row("spread " + book.spread().map(scale::price).orElse("-")
                    + "  mid " + book.mid().map(scale::price).orElse("-"), BOLD));
            for (PriceLevel level : bids) {
                bookRows.add(new Row(" ".repeat(columns.amount) + "  " + right(scale.price(level.price()), columns.price)
                        + "  " + right(scale.amount(level.amount()), columns.amount), GREEN));
            }
        }
        int bookWidth = columns.bookWidth();
        boolean withTape = bookWidth + GAP + columns.tapeWidth() <= width;
        List<Row> tapeRows = new ArrayList<>();
        if (withTape) {
            tapeRows.add(new Row("TRADES (newest first)", null));
            for (Trade trade : snapshot.tape()) {
                if (tapeRows.size() >= Math.max(bookRows.size(), 2)) {
                    break;
                }
                String style = trade.takerSide() == Side.BUY ? GREEN : trade.takerSide() == Side.SELL ? RED : null;
                tapeRows.add(new Row(tapeLine(trade, columns), style));
            }
        }

        List<String> lines = new ArrayList<>();
        lines.add(paint(BOLD, fit(venue + "  " + pair.symbol("/") + "  " + status, width)));
        lines.add("");
        int rows = Math.max(bookRows.size(), tapeRows.size());
        for (int i = 0; i < rows; i++) {
            Row left = i < bookRows.size() ? bookRows.get(i) : new Row("", null);
            if (!withTape) {
                lines.add(paint(left.style, fit(left.text, width)));
                continue;
            }
            Row right = i < tapeRows.size() ? tapeRows.get(i) : new Row("", null);
            String line = paint(left.style, left(fit(left.text, bookWidth), bookWidth)) + " ".repeat(GAP) + paint(right.style, right.text);
            lines.add(right.text.isEmpty() ? line.stripTrailing() : line);
        }
        lines.add("");
        lines.add(fit("books " + snapshot.bookUpdates() + "  trades " + snapshot.tradeCount()
                + (withTape ? "" : "  (widen for the tape)") + "  Ctrl-C to quit", width));
        return lines.size() > size.rows() ? List.copyOf(lines.subList(0, size.rows())) : lines;
    }

    private String tapeLine(Trade trade, Columns columns) {
        return (trade.timestamp() == null ? "--:--:--" : TAPE_TIME.format(trade.timestamp())) + " "
                + left(side(trade.takerSide()), 4) + " " + right(scale.price(trade.price()), columns.price) + " "
                + right(scale.amount(trade.amount()), columns.amount);
    }

    /** {@code text} cut to {@code width} characters. */
    private static String fit(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width);
    }

    private String paint(String style, String text) {
        return colour && style != null && !text.isEmpty() ? style + text + RESET : text;
    }

    /** The plain-output line of a book: best levels, spread and mid. */
    public String bookSummary(OrderBook book) {
        String bid = book.bestBid().map(l -> scale.price(l.price()) + " x " + scale.amount(l.amount())).orElse("-");
        String ask = book.bestAsk().map(l -> scale.price(l.price()) + " x " + scale.amount(l.amount())).orElse("-");
        return "book  " + time(book.timestamp()) + "  " + pair.symbol("/") + "  bid " + bid + "  ask " + ask
                + "  spread " + book.spread().map(scale::price).orElse("-")
                + "  mid " + book.mid().map(scale::price).orElse("-")
                + "  levels " + book.bids().size() + "/" + book.asks().size();
    }

    /** The plain-output line of a trade. */
    public String tradeSummary(Trade trade) {
        return "trade " + time(trade.timestamp()) + "  " + pair.symbol("/") + "  " + side(trade.takerSide())
                + " " + scale.amount(trade.amount()) + " @ " + scale.price(trade.price());
    }

    /** The plain-output line of a ticker. */
    public String tickerSummary(Ticker t) {
        return "ticker " + time(t.timestamp()) + "  " + t.pair().symbol("/") + "  last " + scale.price(t.last())
                + "  bid " + scale.price(t.bid()) + "  ask " + scale.price(t.ask())
                + "  volume " + scale.amount(t.baseVolume()) + "  24h " + MarketScale.percent(t.change24h());
    }

    private static String side(Side side) {
        return side == null ? "?" : side.name();
    }

    /** One line of the book or the tape and how it is coloured ({@code null}: not at all). */
    private record Row(String text, String style) {
    }

    /** Column widths wide enough for every number on screen now, never narrower than the headers. */
    private record Columns(int price, int amount) {

        static Columns of(List<PriceLevel> asks, List<PriceLevel> bids, List<Trade> tape, MarketScale scale) {
            int price = Math.max(MIN_COLUMN, "PRICE".length());
            int amount = Math.max(MIN_COLUMN, "BID SIZE".length());
            for (List<PriceLevel> side : List.of(asks, bids)) {
                for (PriceLevel level : side) {
                    price = Math.max(price, scale.price(level.price()).length());
                    amount = Math.max(amount, scale.amount(level.amount()).length());
                }
            }
            for (Trade trade : tape) {
                price = Math.max(price, scale.price(trade.price()).length());
                amount = Math.max(amount, scale.amount(trade.amount()).length());
            }
            return new Columns(price, amount);
        }

        int bookWidth() {
            return amount + 2 + price + 2 + amount;
        }

        int tapeWidth() {
            return "HH:mm:ss".length() + 1 + 4 + 1 + price + 1 + amount;
        }
    }
}
