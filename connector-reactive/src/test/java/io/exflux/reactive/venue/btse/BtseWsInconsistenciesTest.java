package io.exflux.reactive.venue.btse;

import static io.exflux.reactive.venue.btse.BtseWsScriptedVenue.BOOK_PATH;
import static io.exflux.reactive.venue.btse.BtseWsScriptedVenue.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.PriceLevel;
import io.exflux.reactive.internal.book.OrderBookEngine;
import io.exflux.reactive.venue.btse.internal.BtseFrameDecoder;
import io.exflux.reactive.venue.btse.internal.BtseWsMapper;
import io.exflux.reactive.venue.btse.model.BtseWsBook;
import io.exflux.reactive.venue.btse.model.BtseWsL1;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The websocket drift of BTSE's documents and probes, each with the choice made (see
 * {@code docs/venues/btse-streams.md}); the other items are in {@code BtseFrameDecoderTest} and
 * {@code BtseStreamDialectTest}.
 */
class BtseWsInconsistenciesTest extends BtseWsLoopbackTest {

    private static final CurrencyPair BTC_USD = CurrencyPair.of("BTC", "USD");

    private BtseStreamClient client;

    @Override
    Mono<Void> closeClient() {
        return client == null ? Mono.empty() : client.close();
    }

    private BtseStreamClient client() {
        client = new BtseStreamClient(options().build());
        return client;
    }

    /** Probe: snapshots send asks descending (best last); the book takes levels in any order. */
    @Test
    void snapshotAsksBestLastStillMakeTheRightBook() {
        BtseWsBook snapshot = (BtseWsBook) new BtseFrameDecoder().decodeAll("{\"topic\":\"update:BTC-USD_0\",\"data\":"
                + "{\"bids\":[[\"100.5\",\"1\"],[\"100.0\",\"2\"]],\"asks\":[[\"102.0\",\"3\"],[\"101.0\",\"4\"]],"
                + "\"seqNum\":5,\"prevSeqNum\":4,\"type\":\"snapshot\",\"timestamp\":1,\"symbol\":\"BTC-USD\"}}").get(0);
        OrderBookEngine engine = new OrderBookEngine(new PairInfo(BTC_USD, "BTC-USD", 1, 1, null, null, null));
        engine.apply(BtseWsMapper.bookUpdate(BTC_USD, snapshot));
        OrderBook book = engine.view();
        assertThat(book.asks()).containsExactly(PriceLevel.of("101.0", "4.0"), PriceLevel.of("102.0", "3.0"));
        assertThat(book.bids()).containsExactly(PriceLevel.of("100.5", "1.0"), PriceLevel.of("100.0", "2.0"));
    }

    /**
     * 2023 document {@code snapshotL1:BTC-USD_0}, since 2025-01 {@code snapshotL1:BTC-USD} with grouped L1 refused:
     * {@code l1(symbol)} subscribes the current spelling, {@code l1(symbol, grouping)} the old one, whose refusal
     * (code 1009) fails it.
     */
    @Test
    void l1WithoutGroupingByDefaultAndTheGroupedSpellingFailsWhenRefused() {
        BtseStreamClient streams = client();
        List<BtseWsL1> current = collect(streams.l1("BTC-USD"));
        AtomicReference<Throwable> refused = new AtomicReference<>();
        subscribe(streams.l1("ETH-USD", 0), refused::set);
        await("both subscribed", () -> venue.topics.values().stream().anyMatch(topics ->
                topics.contains("snapshotL1:BTC-USD") && topics.contains("snapshotL1:ETH-USD_0")));
        venue.broadcast(BOOK_PATH, "{\"severity\":\"ERROR\",\"errors\":[{\"arg\":\"snapshotL1:ETH-USD_0\",\"error\":"
                + "{\"code\":1009,\"message\":\"grouping is not supported for L1\"}}]}");
        venue.broadcast(BOOK_PATH, io.exflux.reactive.venue.btse.internal.BtseWsFrames.frame("snapshot-l1.json"));
        await("L1 and refusal", () -> !current.isEmpty() && refused.get() != null);
        assertThat(refused.get()).isInstanceOf(InvalidRequestException.class).hasMessageContaining("1009");
        assertThat(current.get(0).bids()).containsExactly(PriceLevel.of("28016.7", "1.48063"));
    }

    /** Probe: the first snapshot may arrive before the ack; it is delivered, not dropped. */
    @Test
    void aSnapshotBeforeTheAckIsDelivered() {
        venue.server.websocket("/ws/early", session -> session.inbound()
                .filter(text -> text.contains("\"subscribe\""))
                .doOnNext(text -> {
                    session.send(venue.snapshot());
                    session.send("{\"event\":\"subscribe\",\"channel\":[\"update:BTC-USD_0\"]}");
                }).then());
        client = new BtseStreamClient(BtseOptions.builder().resources(resources).wsUrl(venue.mainUrl())
                .orderBookWsUrl(venue.server.wsUrl("/ws/early")).build());
        List<BtseWsBook> books = collect(client.book("BTC-USD", 0));
        await("snapshot", () -> books.size() == 1);
        assertThat(books.get(0).type()).isEqualTo(BtseWsBook.Type.SNAPSHOT);
    }
}
