package io.exflux.reactive.venue.alp.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code ["t", time, tradeId, pair, amount, price, direction]}. Amount comes before price here, unlike
 * the REST trade (docs/venues/alp.md, drift 11); {@code direction} is {@code buy}/{@code sell} in lower case.
 */
public record AlpWsTrade(Instant time, long tradeId, String pair, BigDecimal amount, BigDecimal price, String direction)
        implements AlpMessage {
}
