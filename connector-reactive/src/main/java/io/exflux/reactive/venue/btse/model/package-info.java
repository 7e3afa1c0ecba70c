/**
 * BTSE's own records: one per REST answer as the venue sends it (numbers as {@code BigDecimal} whether sent as JSON
 * numbers or strings, millisecond times as {@code Instant}, enumerations as the venue's value with lenient enums
 * beside them), and the request types of the native client.
 */
package io.exflux.reactive.venue.btse.model;
