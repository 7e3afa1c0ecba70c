/** The v1 platform's wire: codec, bodies and signature, error table, socket events, mapping to the unified API. */
package io.exflux.reactive.venue.v1.internal;
