/**
 * Request authentication: HMAC signers (Bouncy Castle's lightweight API), Python-compatible form encoding of
 * signed parameters, and strictly increasing nonces per API key.
 */
package io.exflux.reactive.internal.auth;
