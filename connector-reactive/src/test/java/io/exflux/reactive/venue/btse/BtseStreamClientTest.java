package io.exflux.reactive.venue.btse;

import static io.exflux.reactive.venue.btse.BtseWsScriptedVenue.BOOK_PATH;
import static io.exflux.reactive.venue.btse.BtseWsScriptedVenue.MAIN_PATH;
import static io.exflux.reactive.venue.btse.BtseWsScriptedVenue.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.config.Credentials;
import io.exflux.api.error.AuthenticationException;
import io.exflux.api.error.InvalidRequestException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.PairInfo;
import io.exflux.api.model.PriceLevel;
import io.exflux.api.stream.ConnectionEvent;
import io.exflux.reactive.config.Backoff;
import io.exflux.reactive.config.StreamOptions;
import io.exflux.reactive.internal.auth.HmacSigner;
import io.exflux.reactive.internal.unified.ConnectionNotices;
import io.exflux.reactive.venue.btse.model.BtseWsBook;
import io.exflux.reactive.venue.btse.model.BtseWsTrade;
import io.exflux.testkit.server.RecordedFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The stream client against a scripted loopback BTSE: both hosts, login, keepalive, topic limits, book resyncs. */
class BtseStreamClientTest extends BtseWsLoopbackTest {

    private static final String KEY = "test-key";
    private static final String SECRET = "test-secret";
    private static final CurrencyPair BTC_USD = CurrencyPair.of("BTC", "USD");
    private static final PairInfo BTC_USD_INFO = new PairInfo(BTC_USD, "BTC-USD", 1, 5, null, null, null);


    private BtseStreamClient client;

    @Override
    Mono<Void> closeClient() {
        return client == null ? Mono.empty() : client.close();
    }

    private BtseStreamClient client(BtseOptions options) {
        client = new BtseStreamClient(options);
        return client;
    }

    @Test
    void booksGoToTheOrderBookHostAndTradesToTheMainHost() {
        BtseStreamClient streams = client(options().build());
        List<BtseWsBook> books = collect(streams.book("BTC-USD", 0));
        List<BtseWsTrade> trades = collect(streams.trades("BTC-USD"));
        await("snapshot", () -> books.size() == 1);
        await("trade subscription", () -> venue.mainFrames.contains(
                "{\"op\":\"subscribe\",\"args\":[\"tradeHistoryApi:BTC-USD\"]}"));
        assertThat(venue.bookFrames).containsExactly("{\"op\":\"subscribe\",\"args\":[\"update:BTC-USD_0\"]}");
        venue.broadcast(MAIN_PATH, "{\"topic\":\"tradeHistoryApi:BTC-USD\",\"data\":[{\"symbol\":\"BTC-USD\","
                + "\"side\":\"SELL\",\"size\":0.007,\"price\":5302.8,\"tradeId\":118974855,\"timestamp\":1584446020295}]}");
        await("trade", () -> trades.size() == 1);
        assertThat(trades.get(0).tradeId()).isEqualTo(118974855L);
        assertThat(books.get(0).type()).isEqualTo(BtseWsBook.Type.SNAPSHOT);
        assertThat(books.get(0).asks()).containsExactly(PriceLevel.of("101.0", "2"));
    }

    @Test
    void theLoginGoesOutSignedBeforeThePrivateSubscription() {
        BtseStreamClient streams = client(options().credentials(Credentials.of(KEY, SECRET)).build());
        collect(streams.orders());
        await("private subscription", () -> venue.mainFrames.size() == 2);
        String login = venue.mainFrames.get(0);
        Matcher args = Pattern.compile("\\{\"op\":\"authKeyExpires\",\"args\":\\[\"test-key\",\"(\\d{13})\",\"([0-9a-f]{96})\"]}")
                .matcher(login);
        assertThat(args.matches()).as(login).isTrue();
        assertThat(args.group(2)).isEqualTo(HmacSigner.sha384(SECRET)
                .signHex(("/ws/spot" + args.group(1)).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(venue.mainFrames.get(1)).isEqualTo("{\"op\":\"subscribe\",\"args\":[\"notificationApiV2\"]}");
        assertThat(login).doesNotContain(SECRET);
    }

    @Test
    void privateStreamsWithoutCredentialsFailAtOnce() {
        StepVerifier.create(client(options().build()).orders())
                .expectError(AuthenticationException.class).verify(Duration.ofSeconds(5));
    }

    @Test
    void aRefusedLoginFailsThePrivateStreamsOnly() {
        BtseStreamClient streams = client(options().credentials(Credentials.of(KEY, SECRET)).build());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        subscribe(streams.orders(), failure::set);
        List<BtseWsTrade> trades = collect(streams.trades("BTC-USD"));
        await("private subscription", () -> venue.topics.values().stream()
                .anyMatch(topics -> topics.contains("notificationApiV2")));
        venue.server.sessions().stream().filter(s -> s.path().equals(MAIN_PATH))
                .filter(s -> venue.topics.getOrDefault(s.id(), java.util.Set.of()).contains("notificationApiV2"))
                .forEach(s -> s.send("{\"event\":\"login\",\"success\":false}"));
        await("refused login", () -> failure.get() != null);
        assertThat(failure.get()).isInstanceOf(AuthenticationException.class);
        venue.broadcast(MAIN_PATH, "{\"topic\":\"tradeHistoryApi:BTC-USD\",\"data\":[{\"symbol\":\"BTC-USD\","
                + "\"side\":\"BUY\",\"size\":1,\"price\":2,\"tradeId\":1,\"timestamp\":1}]}");
        await("trade after the refused login", () -> !trades.isEmpty());
    }

    /** Pong timeout = the stall timeout; generous here so that a loaded machine does not miss an answered pong. */
    @Test
    void everyConnectionPingsWithTextAndAMissingPongReconnects() {
        BtseStreamClient streams = client(options().pingInterval(Duration.ofMillis(200))
                .streamOptions(StreamOptions.builder().stallTimeout(Duration.ofSeconds(2))
                        .backoff(Backoff.fullJitter(Duration.ofMillis(10), Duration.ofMillis(50))).build())
                .build());
        List<ConnectionEvent> events = collect(streams.events());
        collect(streams.book("BTC-USD", 0));
        await("two text pings", () -> pings(BOOK_PATH) >= 2);
        venue.answerPings = false;
        await("a reconnect after a missing pong", () -> events.stream()
                .anyMatch(e -> e instanceof ConnectionEvent.Disconnected d && d.reason().contains("pong")));
        await("a second connection", () -> venue.server.sessions().stream()
                .filter(s -> s.path().equals(BOOK_PATH)).count() >= 2);
    }

    private long pings(String path) {
        return venue.server.frames().stream().filter(f -> f.path().equals(path) && f.kind() == RecordedFrame.Kind.TEXT
                && "ping".equals(f.text())).count();
    }

    @Test
    void hundredAndOneTopicsUseTwoConnections() {
        BtseStreamClient streams = client(options().build());
        for (int i = 0; i < 101; i++) {
            collect(streams.book("M" + i + "-USD", 0));
        }
        await("two book connections", () -> venue.openSessions(BOOK_PATH) == 2);
        await("every topic subscribed", () -> venue.topics.values().stream().mapToInt(java.util.Set::size).sum() == 101);
        assertThat(venue.topics.values()).extracting(java.util.Set::size).containsExactlyInAnyOrder(100, 1);
        assertThat(streams.bookSocketCount()).isEqualTo(2);
    }

    @Test
    void aTopicTheVenueRefusesFailsItsSubscribersWithTheCode() {
        BtseStreamClient streams = client(options().build());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        subscribe(streams.book("BTCC-USD", 0), failure::set);
        await("subscription", () -> !venue.bookFrames.isEmpty());
        venue.broadcast(BOOK_PATH, "{\"severity\":\"ERROR\",\"errors\":[{\"arg\":\"update:BTCC-USD_0\",\"error\":"
                + "{\"code\":1000,\"message\":\"Market pair provided is currently not supported.\"}}]}");
        await("refusal", () -> failure.get() != null);
        assertThat(failure.get()).isInstanceOf(InvalidRequestException.class).hasMessageContaining("1000");
    }

    // ---------------------------------------------------------------- the book, resynced by resubscribing

    private List<OrderBook> watchBook(BtseStreamClient streams) {
        BtseUnifiedStreams unified = new BtseUnifiedStreams(streams, 0, new ConnectionNotices()::publish, Instant::now);
        return collect(unified.orderBook(BTC_USD_INFO, 10));
    }

    private static OrderBook expected(BtseWsScriptedVenue venue) {
        return new OrderBook(BTC_USD, levels(venue.bids.descendingMap()), levels(venue.asks), Instant.EPOCH, -1);
    }

    private static List<PriceLevel> levels(java.util.Map<java.math.BigDecimal, String> side) {
        return side.entrySet().stream().map(e -> new PriceLevel(e.getKey(), new java.math.BigDecimal(e.getValue())))
                .toList();
    }

    private static void assertSameBook(OrderBook actual, OrderBook expected) {
        assertThat(actual.bids()).usingElementComparator(BtseStreamClientTest::compareLevels)
                .containsExactlyElementsOf(expected.bids());
        assertThat(actual.asks()).usingElementComparator(BtseStreamClientTest::compareLevels)
                .containsExactlyElementsOf(expected.asks());
    }

    private static int compareLevels(PriceLevel a, PriceLevel b) {
        int price = a.price().compareTo(b.price());
        return price != 0 ? price : a.amount().compareTo(b.amount());
    }

    private long resubscriptions() {
        return venue.bookFrames.stream().filter(f -> f.contains("unsubscribe")).count();
    }

    @Test
    void aSequenceGapResubscribesAndTheBookEqualsTheVenuesAgain() {
        BtseStreamClient streams = client(options().build());
        List<OrderBook> books = watchBook(streams);
        await("first book", () -> !books.isEmpty());
        long before = resubscriptions();
        venue.broadcast(BOOK_PATH, venue.delta(true, "99.5", "3"));
        await("delta applied", () -> books.get(books.size() - 1).bids().size() == 2);
        // one delta lost on the way: the next one does not follow
        venue.delta(false, "101.0", "0");
        venue.broadcast(BOOK_PATH, venue.delta(false, "102.5", "4"));
        await("resubscribed after the gap", () -> resubscriptions() > before);
        await("book equals the venue's", () -> !books.isEmpty() && books.get(books.size() - 1).asks().size() == 1
                && books.get(books.size() - 1).asks().get(0).price().compareTo(new java.math.BigDecimal("102.5")) == 0);
        assertSameBook(books.get(books.size() - 1), expected(venue));
    }

    @Test
    void aCrossedBookResubscribesAndTheBookEqualsTheVenuesAgain() {
        BtseStreamClient streams = client(options().build());
        List<OrderBook> books = watchBook(streams);
        await("first book", () -> !books.isEmpty());
        long before = resubscriptions();
        // a bid at the best ask that the venue's own book does not hold: crossed
        String crossing = venue.delta(true, "101.0", "1");
        venue.bids.remove(new java.math.BigDecimal("101.0"));
        venue.broadcast(BOOK_PATH, crossing);
        await("resubscribed after the crossed book", () -> resubscriptions() > before);
        venue.broadcast(BOOK_PATH, venue.delta(true, "99.0", "5"));
        await("book equals the venue's", () -> books.get(books.size() - 1).bids().size() == 2);
        assertSameBook(books.get(books.size() - 1), expected(venue));
    }
}
