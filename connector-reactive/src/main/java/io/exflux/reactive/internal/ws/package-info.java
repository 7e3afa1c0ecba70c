/**
 * The resilient websocket stream engine shared by every venue. A venue implements {@link
 * io.exflux.reactive.internal.ws.StreamDialect} (codec, routing, (un)subscribe frames, handshake,
 * authentication, frames of its own on live sockets) and picks a {@link
 * io.exflux.reactive.internal.ws.HeartbeatStrategy}; {@link
 * io.exflux.reactive.internal.ws.StreamEndpoint} does the rest: connect, reconnect with backoff,
 * resubscribe, reference-counted topics, extra connections past the venue's topic limit (closed again
 * once they carry no topic), and an overflow policy per subscriber.
 */
package io.exflux.reactive.internal.ws;
