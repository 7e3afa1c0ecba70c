/**
 * engine.io (protocol 3 and 4) and socket.io (protocol revisions 4 and 5) over a websocket: packet
 * codecs as pure functions over strings, a pure session state machine (handshake, heartbeat plan,
 * namespace connect, events, acks), and the venue-configurable options that select the path, the
 * engine.io version, bare engine.io or socket.io framing, the subscribe event and the event routing.
 * Only the websocket transport is spoken; long-polling is not.
 */
package io.exflux.reactive.internal.engineio;
