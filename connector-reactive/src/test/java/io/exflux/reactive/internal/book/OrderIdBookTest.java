package io.exflux.reactive.internal.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.PriceLevel;
import io.exflux.api.model.Side;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each change of one order applied to a book that already holds its effect changes nothing; levels add up. */
class OrderIdBookTest {

    @Test
    void changesAreIdempotentPerOrderAndLevelsAddTheOrdersAtAPrice() {
        OrderIdBook book = new OrderIdBook();
        BookOp place = new BookOp.Place(1, Side.BUY, new BigDecimal("100.0"), new BigDecimal("1"));
        assertThat(book.apply(place)).isNotNull();
        assertThat(book.apply(place)).as("placed twice").isNull();
        book.apply(new BookOp.Place(2, Side.BUY, new BigDecimal("100"), new BigDecimal("0.5")));
        assertThat(levels(book, Side.BUY)).containsExactly("100.0 x 1.5");

        book.apply(new BookOp.Fill(1, new BigDecimal("0.25")));
        assertThat(levels(book, Side.BUY)).containsExactly("100.0 x 1.25");
        assertThat(book.apply(new BookOp.Remove(9))).as("an order the book lacks").isNull();
        assertThat(book.apply(new BookOp.Fill(9, BigDecimal.ONE))).isNull();

        book.apply(new BookOp.Fill(2, new BigDecimal("7")));
        assertThat(book.get(2)).as("a fill beyond what rests removes the order").isNull();
        assertThat(levels(book, Side.BUY)).containsExactly("100.0 x 0.75");
        book.apply(new BookOp.Remove(1));
        assertThat(book.apply(new BookOp.Remove(1))).isNull();
        assertThat(book.levels(Side.BUY)).isEmpty();
        assertThat(book.size()).isZero();
    }

    @Test
    void aCopyIsIndependentAndSidesAreBestFirst() {
        OrderIdBook book = OrderIdBook.of(List.of(
                new OrderIdBook.RestingOrder(1, Side.SELL, new BigDecimal("102"), BigDecimal.ONE),
                new OrderIdBook.RestingOrder(2, Side.SELL, new BigDecimal("101"), BigDecimal.ONE),
                new OrderIdBook.RestingOrder(3, Side.BUY, new BigDecimal("99"), BigDecimal.ONE),
                new OrderIdBook.RestingOrder(4, Side.BUY, new BigDecimal("100"), BigDecimal.ONE)));
        OrderIdBook copy = book.copy();
        copy.apply(new BookOp.Remove(2));
        assertThat(levels(book, Side.SELL)).containsExactly("101 x 1", "102 x 1");
        assertThat(levels(copy, Side.SELL)).containsExactly("102 x 1");
        assertThat(levels(book, Side.BUY)).containsExactly("100 x 1", "99 x 1");
    }

    private static List<String> levels(OrderIdBook book, Side side) {
        return book.levels(side).stream().map(OrderIdBookTest::text).toList();
    }

    private static String text(PriceLevel level) {
        return level.price().toPlainString() + " x " + level.amount().toPlainString();
    }
}
