/**
 * The REST pipeline: {@link io.exflux.reactive.internal.http.RestClient} sends a
 * {@link io.exflux.reactive.internal.http.RestRequest} (its body serialised once, signed, and those exact bytes
 * sent) through ordered steps in the spirit of azure-core's policies: validation once per call, then the retry
 * policy, then per attempt the bearer token, the rate limit, the nonce order, the venue's own steps and the
 * signature, then reactor-netty. Authentication is steps
 * ({@link io.exflux.reactive.internal.http.BearerTokenStep}, {@link io.exflux.reactive.internal.http.NonceOrderStep},
 * {@link io.exflux.reactive.internal.http.SignStep} around a {@link io.exflux.reactive.internal.http.RequestSigner});
 * a venue's errors are a rule table on {@link io.exflux.reactive.internal.http.StandardErrorMapper}. The answer
 * comes back as a {@link io.exflux.reactive.internal.http.RestResponse} or a typed {@code io.exflux.api.error}
 * exception.
 */
package io.exflux.reactive.internal.http;
