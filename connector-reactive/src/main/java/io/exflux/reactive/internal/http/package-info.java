/**
 * The REST pipeline: {@link io.exflux.reactive.internal.http.RestClient} sends a
 * {@link io.exflux.reactive.internal.http.RestRequest} (its body serialised once, signed, and those exact bytes
 * sent) through ordered steps in the spirit of azure-core's policies: validation once per call, then the retry
 * policy, then per attempt the rate limit and the signature (fresh nonce), then reactor-netty. A venue plugs in
 * a {@link io.exflux.reactive.internal.http.RequestSigner} and an
 * {@link io.exflux.reactive.internal.http.ErrorMapper}; the answer comes back as a
 * {@link io.exflux.reactive.internal.http.RestResponse} or a typed {@code io.exflux.api.error} exception.
 */
package io.exflux.reactive.internal.http;
