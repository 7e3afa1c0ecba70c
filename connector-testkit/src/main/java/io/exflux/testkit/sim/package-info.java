/**
 * The venue-neutral simulator core shared by every simulated venue: markets with their trading rules,
 * a price-time-priority matching engine (limit GTC/IOC/FOK and post-only, market by base or quote
 * amount, stop-limit and stop-market on the last trade price), accounts with reserves, a trade log, an
 * ordered event feed as hot fluxes, and a seeded market generator. Venue fronts (ALP in
 * {@code io.exflux.testkit.alp}) speak each venue's protocol on top of {@link io.exflux.testkit.sim.VenueSimulator}.
 */
package io.exflux.testkit.sim;
