/**
 * An embedded ALP.COM API v3 venue for tests and demos: {@link io.exflux.testkit.alp.AlpSimulator} is only
 * ALP's front (wire format, JWT and {@code X-SIGN} checks, routes, websocket frames) on
 * {@link io.exflux.testkit.sim.SimulatedVenue}; it answers as the venue's document says, the live venue's
 * drift being options of {@link io.exflux.testkit.alp.AlpSimulatorOptions}.
 */
package io.exflux.testkit.alp;
