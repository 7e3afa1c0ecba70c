package io.exflux.samples.cli.render;

import io.exflux.api.model.OrderBook;
import io.exflux.api.model.Trade;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * What the {@code book} command shows: the latest book and the most recent trades, newest first.
 * Fed from one serialized stream (books and trades merged), read by the renderer.
 */
public final class BookBoard {

    private final int tapeSize;
    private final Deque<Trade> tape = new ArrayDeque<>();
    private OrderBook book;
    private long bookUpdates;
    private long tradeCount;

    public BookBoard(int tapeSize) {
        this.tapeSize = tapeSize;
    }

    /** Keeps {@code next} as the book to show. */
    public synchronized BookBoard onBook(OrderBook next) {
        book = next;
        bookUpdates++;
        return this;
    }

    /** Puts {@code trade} on top of the tape, dropping the oldest beyond the tape's size. */
    public synchronized BookBoard onTrade(Trade trade) {
        tape.addFirst(trade);
        tradeCount++;
        while (tape.size() > tapeSize) {
            tape.removeLast();
        }
        return this;
    }

    /** A consistent copy for rendering. */
    public synchronized Snapshot snapshot() {
        return new Snapshot(book, List.copyOf(tape), bookUpdates, tradeCount);
    }

    /**
     * @param book        the latest book, or {@code null} before the first one
     * @param tape        recent trades, newest first
     * @param bookUpdates how many books arrived so far
     * @param tradeCount  how many trades arrived so far
     */
    public record Snapshot(OrderBook book, List<Trade> tape, long bookUpdates, long tradeCount) {
    }
}
