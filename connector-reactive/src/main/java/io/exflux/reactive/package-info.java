/**
 * exflux's implementation: transports (HTTP, websocket, engine.io/socket.io), signing, rate limiting,
 * retry, the order-book engine, and one package per venue.
 */
package io.exflux.reactive;
