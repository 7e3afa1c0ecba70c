/** Not API: ALP's frame decoder, mappers, request bodies, validation, error mapping and stream dialect. */
package io.exflux.reactive.venue.alp.internal;
