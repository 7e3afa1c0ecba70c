package io.exflux.reactive.venue.btse;

import static io.exflux.reactive.venue.btse.BtseWire.API_KEY;
import static io.exflux.reactive.venue.btse.BtseWire.SECRET;
import static io.exflux.reactive.venue.btse.BtseWire.WAIT;
import static io.exflux.reactive.venue.btse.BtseWire.only;
import static io.exflux.reactive.venue.btse.BtseWire.raw;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.reactive.ClientResources;
import io.exflux.reactive.venue.btse.internal.BtseSignature;
import io.exflux.reactive.venue.btse.model.BtseOrderRequest;
import io.exflux.reactive.venue.btse.model.BtseOrderType;
import io.exflux.reactive.venue.btse.model.BtseTimeInForce;
import io.exflux.reactive.venue.btse.model.BtseTxType;
import io.exflux.testkit.server.FakeResponse;
import io.exflux.testkit.server.FakeVenueServer;
import io.exflux.testkit.server.RecordedRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The document's three check values: as plain signatures, and on the wire, where the client's clock is set to the
 * document's nonce so the headers it sends must carry the document's signature exactly.
 */
class BtseSignatureTest {

    private static final String WALLET_SIGN = "14b986706a4368221e0af14a6725377161805e7a57d568220478cb3590ce532d"
            + "4fad4ac68e6c02a14afced6a0619bfd3";
    private static final String ORDER_SIGN = "e9cd0babdf497b536d1e48bc9cf1fadad3426b36406b5747d77ae4e3cdc9ab55"
            + "6863f2d0cf78e0228c39a064ad43afb7";
    private static final String WS_SIGN = "c410d38c681579adb335885800cff24c66171b7cc8376cfe43da1408c5817481"
            + "56b89bcc5a115bb496413bda481139fb";

    private final BtseSignature signature = new BtseSignature(API_KEY, SECRET.getBytes(StandardCharsets.UTF_8),
            BtseHeaderNaming.BTSE);
    private FakeVenueServer server;
    private ClientResources resources;

    @BeforeEach
    void start() {
        server = FakeVenueServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
        if (resources != null) {
            resources.shutdown().subscribe();
        }
    }

    /** Resources whose clock (and so the next nonce) reads this instant. */
    private ClientResources at(long epochMillis) {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        time.advanceTimeTo(Instant.ofEpochMilli(epochMillis));
        resources = ClientResources.builder().scheduler(time).build();
        return resources;
    }

    @Test
    void theThreeCheckValues() {
        assertThat(signature.sign("/api/v3.2/user/wallet", 1624984297330L, new byte[0])).isEqualTo(WALLET_SIGN);
        assertThat(signature.sign("/api/v3.2/order", 1624985375123L,
                raw("order-request").getBytes(StandardCharsets.UTF_8))).isEqualTo(ORDER_SIGN);
        assertThat(signature.sign("/ws/spot", 1624985375123L, null)).isEqualTo(WS_SIGN);
    }

    @Test
    void theWalletCheckValueOnTheWireWithoutTheSpotMount() {
        server.route("GET", "/spot/api/v3.2/user/wallet").respond(FakeResponse.ok(raw("wallet")));
        BtseRestClient client = new BtseRestClient(BtseWire.options(server, at(1624984297330L)).build());
        assertThat(client.wallet().collectList().block(WAIT)).hasSize(1);
        RecordedRequest seen = only(server, "GET", "user/wallet");
        assertThat(seen.header("btse-api")).isEqualTo(API_KEY);
        assertThat(seen.header("btse-nonce")).isEqualTo("1624984297330");
        assertThat(seen.header("btse-sign")).isEqualTo(WALLET_SIGN);
    }

    @Test
    void theOrderCheckValueOnTheWireOverTheExactBodySent() {
        BtseWire.markets(server);
        server.route("POST", "/spot/api/v3.2/order").respond(FakeResponse.ok("[{\"status\":2,\"symbol\":\"BTC-USD\","
                + "\"orderType\":76,\"price\":8500.0,\"side\":\"BUY\",\"size\":0.002,\"orderID\":\"o-1\"}]"));
        BtseRestClient client = new BtseRestClient(BtseWire.options(server, at(1624985375123L)).build());
        BtseOrderRequest documented = new BtseOrderRequest("BTC-USD", new BigDecimal("0.002"), "BUY",
                BtseOrderType.LIMIT, new BigDecimal("8500.0"), BtseTimeInForce.GTC, BtseTxType.LIMIT,
                new BigDecimal("0.0"), new BigDecimal("0.0"), new BigDecimal("0.0"), false, null, null, null, null);
        assertThat(client.placeOrder(documented).block(WAIT)).hasSize(1);
        RecordedRequest seen = only(server, "POST", "order");
        assertThat(seen.bodyAsString()).isEqualTo(raw("order-request"));
        assertThat(seen.header("btse-nonce")).isEqualTo("1624985375123");
        assertThat(seen.header("btse-sign")).isEqualTo(ORDER_SIGN);
    }

    @Test
    void theRenamedHeadersAreOneSetting() {
        server.route("GET", "/spot/api/v3.2/user/wallet").respond(FakeResponse.ok(raw("wallet")));
        BtseRestClient client = new BtseRestClient(BtseWire.options(server, at(1624984297330L))
                .headerNaming(BtseHeaderNaming.REQUEST).build());
        client.wallet().collectList().block(WAIT);
        RecordedRequest seen = only(server, "GET", "user/wallet");
        assertThat(seen.header("request-api")).isEqualTo(API_KEY);
        assertThat(seen.header("request-nonce")).isEqualTo("1624984297330");
        assertThat(seen.header("request-sign")).isEqualTo(WALLET_SIGN);
        assertThat(seen.header("btse-sign")).isNull();
    }

    @Test
    void queryParametersAreNotSigned() {
        server.route("GET", "/spot/api/v3.2/user/open_orders").respond(FakeResponse.ok("[]"));
        BtseRestClient client = new BtseRestClient(BtseWire.options(server, at(1624984297330L)).build());
        client.openOrders("BTC-USD", null, null).collectList().block(WAIT);
        RecordedRequest seen = only(server, "GET", "user/open_orders");
        assertThat(seen.queryParam("symbol")).isEqualTo("BTC-USD");
        assertThat(seen.header("btse-sign")).isEqualTo(signature.sign("/api/v3.2/user/open_orders",
                Long.parseLong(seen.header("btse-nonce")), null));
    }
}
