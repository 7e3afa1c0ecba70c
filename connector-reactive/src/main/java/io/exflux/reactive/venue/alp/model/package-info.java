/**
 * ALP's own records: one per REST answer and per websocket message, as the venue sends them (numbers
 * as {@code BigDecimal} whether sent as JSON numbers or strings, times as {@code Instant}, enumerations
 * as the venue's text with lenient enums beside them), and the request types of the native client.
 */
package io.exflux.reactive.venue.alp.model;
