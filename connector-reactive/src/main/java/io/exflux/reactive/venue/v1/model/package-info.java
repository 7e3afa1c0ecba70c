/**
 * The v1 platform's answers and socket events as records, one per documented shape, shared by BTC-Alpha and
 * bitexbit. Money is {@code BigDecimal} read from the JSON text (numbers and strings alike), times are
 * {@code Instant}, unknown enum values keep their raw text. Decoded by the venue package, never by Jackson binding.
 */
package io.exflux.reactive.venue.v1.model;
