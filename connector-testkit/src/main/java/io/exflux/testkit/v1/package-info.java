/**
 * The v1 platform's simulator: BTC-Alpha and bitexbit, one front with a dialect per venue
 * ({@link io.exflux.testkit.v1.V1Simulator}, {@link io.exflux.testkit.v1.V1Dialect}): REST v1 with its auth
 * checks and rate limits, and the engine.io / socket.io order-book socket.
 */
package io.exflux.testkit.v1;
