package io.exflux.samples.cli.render;

import io.exflux.api.model.CurrencyPair;
import io.exflux.api.model.Order;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/** Orders as a table, the same in {@code orders} and {@code place}, numbers at each market's precision. */
public final class OrderTable {

    private OrderTable() {
    }

    public static void print(List<Order> orders, Function<CurrencyPair, MarketScale> scales, PrintStream out) {
        Table table = new Table("ID", "PAIR", "SIDE", "TYPE", "STATUS", "PRICE", "AMOUNT", "FILLED", "CREATED");
        for (Order o : orders) {
            MarketScale scale = scales.apply(o.pair());
            table.row(o.id(), o.pair().toString(), o.side().name(), o.type().name(), o.status().name(),
                    scale.price(o.price()), scale.amount(o.amount()), scale.amount(o.filledAmount()),
                    o.createdAt() == null ? "-" : o.createdAt().toString());
        }
        table.print(out);
    }
}
