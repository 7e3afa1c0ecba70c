/**
 * A seeded chaos TCP proxy for tests and soaks: {@link io.exflux.testkit.chaos.ChaosProxy} sits on loopback in
 * front of any server (a simulator's REST or websocket port) and cuts, resets, stalls, half-delivers, delays
 * or throttles its connections on demand; {@link io.exflux.testkit.chaos.ChaosSchedule} applies such faults
 * at seeded random intervals, and every fault applied is recorded as a
 * {@link io.exflux.testkit.chaos.ChaosEvent}.
 */
package io.exflux.testkit.chaos;
