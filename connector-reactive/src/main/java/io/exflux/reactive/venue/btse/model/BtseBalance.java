package io.exflux.reactive.venue.btse.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** {@code GET /api/v3.2/user/wallet}: one currency of the spot wallet. */
public record BtseBalance(
        @JsonProperty("currency") String currency,
        @JsonProperty("total") BigDecimal total,
        @JsonProperty("available") BigDecimal available) {
}
