/**
 * An embedded BTSE spot venue (API v3.2) for tests and demos: {@link io.exflux.testkit.btse.BtseSimulator} is
 * only BTSE's front (wire format, HMAC-SHA384 checks, rate-limit scopes, routes, both websocket hosts) on
 * {@link io.exflux.testkit.sim.SimulatedVenue}; its settings are {@link io.exflux.testkit.btse.BtseSimulatorOptions}.
 */
package io.exflux.testkit.btse;
