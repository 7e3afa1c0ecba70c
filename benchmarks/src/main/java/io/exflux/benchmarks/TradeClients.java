package io.exflux.benchmarks;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Trade;
import io.exflux.reactive.venue.alp.AlpExchangeClient;
import io.exflux.reactive.venue.alp.AlpOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Consumer;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

/**
 * The two clients of {@link AlpTradeServer}'s trades: exflux's {@code watchTrades} (real ALP dialect, unified
 * {@link Trade}), and a bare reactor-netty websocket client that decodes each trade frame with Jackson into a record.
 * Each hands every trade, as its user would hold it, to a consumer on the thread that received it (what the consumer
 * does with it, e.g. reading a text id back as a number, is the harness's cost, not the client's).
 */
final class TradeClients {

    /** The bare client's record of a trade frame. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"kind", "time", "id", "pair", "amount", "price", "direction"})
    public record BareTrade(String kind, long time, long id, String pair, BigDecimal amount, BigDecimal price,
                            String direction) {
    }

    private static final ObjectReader BARE_READER = new ObjectMapper().readerFor(BareTrade.class);

    private TradeClients() {
    }

    /** exflux: {@code AlpExchangeClient.watchTrades}; close the returned client when done. */
    static AlpExchangeClient exflux(AlpTradeServer server, Consumer<Trade> trades, Disposable[] subscription) {
        AlpExchangeClient client = AlpExchangeClient.create(AlpOptions.builder().wsUrl(server.wsUrl())
                .restUrl(server.restUrl()).build());
        subscription[0] = client.watchTrades(CurrencyPair.of("BTC", "USDT"))
                .subscribe(trades);
        return client;
    }

    /** The bare client: subscribe, then Jackson on every {@code t} frame. */
    static Disposable bare(AlpTradeServer server, Consumer<BareTrade> trades) {
        return HttpClient.create().websocket().uri(server.wsUrl())
                .handle((in, out) -> Flux.merge(out.sendString(Flux.just(AlpTradeServer.SUBSCRIBE)).then(),
                        in.receive().asString().doOnNext(frame -> {
                            if (frame.startsWith("[\"t\"")) {
                                trades.accept(read(frame));
                            }
                        }).then()))
                .subscribe();
    }

    private static BareTrade read(String frame) {
        try {
            return BARE_READER.readValue(frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void close(AlpExchangeClient client, Disposable subscription) {
        subscription.dispose();
        client.closeGracefully().block(Duration.ofSeconds(10));
    }
}
