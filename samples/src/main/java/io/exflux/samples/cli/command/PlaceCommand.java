package io.exflux.samples.cli.command;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Order;
import io.exflux.api.model.OrderRequest;
import io.exflux.api.model.Side;
import io.exflux.api.model.TimeInForce;
import io.exflux.samples.cli.ExitCodes;
import io.exflux.samples.cli.render.OrderTable;
import io.exflux.samples.cli.venue.VenueSession;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exflux place}: places one order. The client checks it against the market's precision and
 * limits before anything is sent; the venue's answer is printed as a one-row table.
 */
@Command(name = "place", description = "Place an order: limit (with --price) or market.")
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

    @Override
    public Integer call() {
        OrderRequest request = request();
        try (VenueSession session = openSession(true)) {
            Order order = session.client().placeOrder(request).block(Requests.TIMEOUT);
            OrderTable.print(List.of(order), context().out());
            return ExitCodes.OK;
        }
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
