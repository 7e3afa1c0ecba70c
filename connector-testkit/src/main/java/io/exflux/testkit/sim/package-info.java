/**
 * The venue-neutral simulator core shared by every simulated venue: markets with their trading rules,
 * a price-time-priority matching engine (limit GTC/IOC/FOK and post-only, market by base or quote
 * amount, stop-limit and stop-market on the last trade price), accounts with reserves, a trade log, an
 * ordered event feed as hot fluxes, a seeded market generator, API keys, market statistics and candles
 * (with a seeded {@link io.exflux.testkit.sim.CandleHistory}), an activity log, and
 * {@link io.exflux.testkit.sim.SimulatedVenue}, the life cycle a venue's simulator extends so that it only
 * adds its front (ALP in {@code io.exflux.testkit.alp}).
 */
package io.exflux.testkit.sim;
