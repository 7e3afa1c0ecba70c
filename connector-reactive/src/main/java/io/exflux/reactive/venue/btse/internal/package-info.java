/**
 * BTSE's wire details, not API: request bodies, the signature, the error table, order checks and the mapper to the
 * unified records.
 */
package io.exflux.reactive.venue.btse.internal;
