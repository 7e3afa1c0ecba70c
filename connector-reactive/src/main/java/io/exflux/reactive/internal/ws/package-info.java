/**
 * The resilient websocket stream engine shared by every venue. A venue implements {@link
 * io.exflux.reactive.internal.ws.StreamDialect} (one pass that decodes a frame and names the topics of
 * each message, the meaning of the venue's acks and refusals, (un)subscribe frames, handshake,
 * authentication, frames of its own on live sockets) and picks a {@link
 * io.exflux.reactive.internal.ws.HeartbeatStrategy}; {@link
 * io.exflux.reactive.internal.ws.StreamEndpoint} does the rest: connect, reconnect with backoff,
 * resubscribe, reference-counted topics, extra connections past the venue's topic limit (closed again
 * once they carry no topic), refusals that fail the subscribers they concern, resubscription of one topic
 * on demand, and an overflow policy per subscriber.
 */
package io.exflux.reactive.internal.ws;
