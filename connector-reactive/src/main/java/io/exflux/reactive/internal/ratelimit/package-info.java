/**
 * Client-side rate limiting: a lock-free, weight-aware token bucket per scope (public per IP, private per key,
 * wallet, ...) that waits on an injectable {@link reactor.core.scheduler.Scheduler} and pauses its scope until the
 * venue's {@code Retry-After} after a 429.
 */
package io.exflux.reactive.internal.ratelimit;
