/**
 * ALP.COM (API v3, the rebrand of BTC-Alpha): {@link io.exflux.reactive.venue.alp.AlpExchangeClient}
 * (the unified view) on {@link io.exflux.reactive.venue.alp.AlpRestClient} (every documented REST
 * endpoint) and {@link io.exflux.reactive.venue.alp.AlpStreamClient} (every documented websocket
 * channel), configured by {@link io.exflux.reactive.venue.alp.AlpOptions}. Private calls use the JWT of
 * {@link io.exflux.reactive.venue.alp.AlpTokenProvider} and sign POST/DELETE bodies with {@code X-SIGN}.
 *
 * <p>Choices where the document contradicts itself or the live venue (docs/venues/alp.md): hosts
 * {@code https://www.alp.com/api/v3} and {@code wss://www.alp.com/ws}; every spelling of sides, wallets
 * and statuses read, the documented ones sent; welcome ping values in ms or ns by magnitude; text
 * {@code 1} answered with {@code 2}, nothing sent unprompted; tickers from {@code ticker.*}; books from
 * REST plus {@code market_depth} and {@code diff}; per-cent changes turned into fractions; rate limits
 * 10/s public and 5/s private (ALP publishes none).
 */
package io.exflux.reactive.venue.alp;
