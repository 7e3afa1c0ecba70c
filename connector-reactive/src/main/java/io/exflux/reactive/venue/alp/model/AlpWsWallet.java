package io.exflux.reactive.venue.alp.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A {@code w} frame: {@code ["w", time, currency, walletType, symbol, balance, reserve]}. {@code symbol}
 * is the isolated-margin pair, {@code null} for other wallets (the venue sends {@code ""} or
 * {@code null}, docs/venues/alp.md, drift 14).
 */
public record AlpWsWallet(Instant time, String currency, String walletType, String symbol, BigDecimal balance,
                          BigDecimal reserve) implements AlpMessage {
}
