package io.exflux.reactive.venue.btse.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** One level of a REST order book ({@code {"price":"36371.0","size":"0.01485"}}, strings). */
public record BtseQuote(@JsonProperty("price") BigDecimal price, @JsonProperty("size") BigDecimal size) {
}
