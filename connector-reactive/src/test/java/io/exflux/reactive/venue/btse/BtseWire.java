package io.exflux.reactive.venue.btse;

import io.exflux.api.config.Credentials;
import io.exflux.reactive.ClientResources;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** The loopback venue of the BTSE tests: the document's examples, the client's options, the requests it saw. */
final class BtseWire {

    static final Duration WAIT = Duration.ofSeconds(20);
    /** The document's API key and secret (the check values are computed with them). */
    static final String API_KEY = "4e9536c79f0fdd72bf04f2430982d3f61d9d76c996f0175bbba470d69d59816x";
    static final String SECRET = "848db84ac252b6726e5f6e7a711d9c96d9fd77d020151b45839a5b59c37203bx";
    static final String API = "/spot/api/v3.2/";

    /** A market summary row of BTC-USD: price increment 0.5, size increment 0.001, sizes 0.002..2000. */
    static final String BTC_USD_SUMMARY = "[{\"symbol\":\"BTC-USD\",\"last\":36000.5,\"lowestAsk\":36001.0,"
            + "\"highestBid\":36000.0,\"percentageChange\":1.5,\"volume\":81456627,\"high24Hr\":37000,"
            + "\"low24Hr\":35000,\"base\":\"BTC\",\"quote\":\"USD\",\"active\":true,\"size\":2117.9,"
            + "\"minValidPrice\":0.5,\"minPriceIncrement\":0.5,\"minOrderSize\":0.002,\"maxOrderSize\":2000,"
            + "\"minSizeIncrement\":0.001,\"futures\":false}]";

    private BtseWire() {
    }

    /**
     * A client of the fake venue with the document's key: REST base {@code <server>/spot}, one attempt, no limits,
     * on the test class's resources (closing those takes the event loops' quiet period: once per class, not per
     * test).
     */
    static BtseOptions.Builder options(FakeVenueServer server, ClientResources resources) {
        return BtseOptions.builder().restUrl(server.baseUrl() + "/spot").resources(resources)
                .credentials(Credentials.of(API_KEY, SECRET)).maxAttempts(1)
                .rateLimit(BtseOptions.QUERY_SCOPE, null).rateLimit(BtseOptions.ORDERS_SCOPE, null)
                .rateLimit(BtseOptions.WALLET_SCOPE, null);
    }

    /** An example of the documents, verbatim, from {@code src/test/resources/btse/}. */
    static String raw(String name) {
        String path = "/btse/" + name + ".json";
        try (InputStream in = BtseWire.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The venue answers the path (below {@code /spot/api/v3.2/}) with this example. */
    static void answer(FakeVenueServer server, String method, String path, String example) {
        server.route(method, API + path).respond(FakeResponse.ok(raw(example)));
    }

    /** The market list that validates orders. */
    static void markets(FakeVenueServer server) {
        server.route("GET", API + "market_summary").respond(FakeResponse.ok(BTC_USD_SUMMARY));
    }

    /** The one request the venue saw on this path. */
    static RecordedRequest only(FakeVenueServer server, String method, String path) {
        List<RecordedRequest> seen = server.requests(method, API + path);
        if (seen.size() != 1) {
            throw new AssertionError("expected one " + method + " " + path + ", saw " + seen.size());
        }
        return seen.get(0);
    }
}
