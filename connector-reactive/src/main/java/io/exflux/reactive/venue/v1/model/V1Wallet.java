package io.exflux.reactive.venue.v1.model;

import java.math.BigDecimal;

/** {@code GET /v1/wallets/}: a currency's balance and the part reserved by open orders. */
public record V1Wallet(String currency, BigDecimal balance, BigDecimal reserve) {
}
