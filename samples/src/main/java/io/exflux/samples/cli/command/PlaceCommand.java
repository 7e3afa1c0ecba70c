package io.exflux.samples.cli.command;

import io.exflux.api.Capability;
import io.exflux.api.ExchangeClient;
import io.exflux.api.error.NotFoundException;
import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.OrderStatus;
import io.exflux.api.model.Side;
import io.exflux.api.model.TimeInForce;
import io.exflux.samples.cli.ExitCodes;
import io.exflux.samples.cli.render.MarketScale;
import io.exflux.samples.cli.render.OrderTable;
import io.exflux.samples.cli.venue.VenueSession;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Mono;

/**
 * {@code exflux place}: places one order. The client checks it against the market's precision and
 * limits before anything is sent. The venue's acknowledgement says little (often PENDING, no time), so
 * the command then asks for the order until the venue holds it in a settled state (open, filled,
 * rejected...) and prints that as a one-row table.
 */
@Command(name = "place", mixinStandardHelpOptions = true, versionProvider = io.exflux.samples.cli.ExfluxCommand.Version.class,
        description = "Place an order: limit (with --price) or market.")
public final class PlaceCommand extends VenueCommand {

    @Option(names = "--pair", required = true, converter = Parsing.PairConverter.class, description = "Market.")
    CurrencyPair pair;

    @Option(names = "--side", required = true, description = "buy or sell.")
    String side;

    @Option(names = "--type", defaultValue = "limit", description = "limit or market (default: ${DEFAULT-VALUE}).")
    String type;

    @Option(names = "--amount", required = true, description = "Amount in base currency (market --quote: in quote).")
    BigDecimal amount;

    @Option(names = "--price", description = "Limit price.")
    BigDecimal price;

    @Option(names = "--quote", description = "Market order: --amount is in quote currency (spend this much).")
    boolean quote;

    @Option(names = "--post-only", description = "Limit order: reject instead of taking liquidity.")
    boolean postOnly;

    @Option(names = "--client-order-id", description = "Your id for the order, to find it after an ambiguous failure.")
    String clientOrderId;

    /** How often, and how long at most, to ask for the placed order. */
    static final Duration POLL = Duration.ofMillis(100);
    static final Duration SETTLE = Duration.ofSeconds(5);

    @Override
    public Integer call() {
        OrderRequest request = request();
        try (VenueSession session = openSession(true)) {
            ExchangeClient client = session.client();
            MarketScale scale = MarketScales.of(client, pair);
            Order acknowledged = client.placeOrder(request).block(Requests.TIMEOUT);
            if (!client.capabilities().supports(Capability.ORDER)) {
                OrderTable.print(List.of(acknowledged), any -> scale, context().out());
                return ExitCodes.OK;
            }
            Order held = heldByVenue(client, acknowledged);
            if (held == null) {
                context().err().println("exflux: order " + acknowledged.id() + " placed; the venue did not show it within "
                        + SETTLE.toSeconds() + "s, so this is its acknowledgement");
            }
            OrderTable.print(List.of(held == null ? acknowledged : held), any -> scale, context().out());
            return ExitCodes.OK;
        }
    }

    /**
     * The order as the venue holds it once it left PENDING, or {@code null} if it did not within
     * {@link #SETTLE}. A venue that does not know the id yet is asked again.
     */
    private Order heldByVenue(ExchangeClient client, Order acknowledged) {
        return client.order(acknowledged.id(), pair)
                .onErrorResume(NotFoundException.class, notYet -> Mono.empty())
                .filter(order -> order.status() != OrderStatus.PENDING)
                .repeatWhenEmpty(empties -> empties.delayElements(POLL, context().timer()))
                .timeout(SETTLE, Mono.empty(), context().timer())
                .block(Requests.TIMEOUT);
    }

    private OrderRequest request() {
        Side orderSide;
        switch (side.trim().toLowerCase(Locale.ROOT)) {
            case "buy":
            case "bid":
                orderSide = Side.BUY;
                break;
            case "sell":
            case "ask":
                orderSide = Side.SELL;
                break;
            default:
                throw usage("--side must be buy or sell: " + side);
        }
        switch (type.trim().toLowerCase(Locale.ROOT)) {
            case "limit":
                if (price == null) {
                    throw usage("a limit order needs --price");
                }
                return new OrderRequest.Limit(pair, orderSide, amount, price, TimeInForce.GTC, postOnly, clientOrderId);
            case "market":
                return new OrderRequest.Market(pair, orderSide, amount,
                        quote ? OrderRequest.AmountUnit.QUOTE : OrderRequest.AmountUnit.BASE, clientOrderId);
            default:
                throw usage("--type must be limit or market: " + type);
        }
    }
}
