/**
 * A scriptable fake venue on loopback for tests: {@link io.exflux.testkit.server.FakeVenueServer} serves scripted
 * REST routes and websocket endpoints, injects faults (latency, 429, 5xx, resets, stalls, dropped or malformed
 * frames) and records everything it received so a test can assert on the wire.
 */
package io.exflux.testkit.server;
