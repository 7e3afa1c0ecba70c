package io.exflux.reactive.internal.book;

import static io.exflux.reactive.internal.book.Books.levels;
import static io.exflux.reactive.internal.book.Books.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.PriceLevel;
import org.junit.jupiter.api.Test;

/** A whole-book side from a venue: merged, cleaned, best first. */
class BookLevelsTest {

    @Test
    void bidsHighToLowAsksLowToHighEqualPricesAddedEmptyLevelsLeftOut() {
        var sent = levels("99@1", "101@2", "100@0", "101@0.5", "98@-1");
        assertThat(text(BookLevels.bestFirst(sent, PriceLevel::price, PriceLevel::amount, true)))
                .containsExactly("101@2.5", "99@1");
        assertThat(text(BookLevels.bestFirst(sent, PriceLevel::price, PriceLevel::amount, false)))
                .containsExactly("99@1", "101@2.5");
    }

    @Test
    void aWholeBookUpdateKeepsANegativeAmountForTheEngineToRefuse() {
        var sent = levels("99@1", "101@2", "100@0", "98@-1");
        assertThat(text(BookLevels.forUpdate(sent, PriceLevel::price, PriceLevel::amount, true)))
                .containsExactly("101@2", "99@1", "98@-1");
    }
}
