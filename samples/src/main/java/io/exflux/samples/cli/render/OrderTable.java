package io.exflux.samples.cli.render;

import static io.exflux.samples.cli.render.Formats.plain;

import io.exflux.api.model.Order;
import java.io.PrintStream;
import java.util.List;

/** Orders as a table, the same in {@code orders} and {@code place}. */
public final class OrderTable {

    private OrderTable() {
    }

    public static void print(List<Order> orders, PrintStream out) {
        Table table = new Table("ID", "PAIR", "SIDE", "TYPE", "STATUS", "PRICE", "AMOUNT", "FILLED", "CREATED");
        for (Order o : orders) {
            table.row(o.id(), o.pair().toString(), o.side().name(), o.type().name(), o.status().name(),
                    plain(o.price()), plain(o.amount()), plain(o.filledAmount()),
                    o.createdAt() == null ? "-" : o.createdAt().toString());
        }
        table.print(out);
    }
}
