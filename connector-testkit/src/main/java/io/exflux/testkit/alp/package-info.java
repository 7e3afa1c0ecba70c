/**
 * An embedded ALP.COM API v3 venue for tests and demos: {@link io.exflux.testkit.alp.AlpSimulator} serves the
 * documented REST endpoints (JWT bearer auth, {@code X-SIGN} body HMAC) and the JSON-array websocket on
 * loopback, backed by the simulator core, with fault injection through {@link io.exflux.testkit.alp.AlpFaults}.
 */
package io.exflux.testkit.alp;
