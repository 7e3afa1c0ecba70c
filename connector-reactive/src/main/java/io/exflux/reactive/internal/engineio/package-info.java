/**
 * engine.io (protocol 3 and 4) and socket.io (protocol revisions 4 and 5) over a websocket: packet
 * codecs as pure functions over strings, a pure session state machine (handshake, heartbeat plan,
 * namespace connect, events, acks), the options that select the path, the engine.io version, bare
 * engine.io or socket.io framing and the subscribe event, and {@link
 * io.exflux.reactive.internal.engineio.EngineIoDialect} for the websocket engine. A venue gives the dialect
 * its {@link io.exflux.reactive.internal.engineio.ChannelRouter} (which channel an event belongs to) and
 * its {@link io.exflux.reactive.internal.engineio.EventCodec} (the record an event decodes to, once); no
 * venue's channel names or payload keys live here. Only the websocket transport is spoken; long-polling
 * is not.
 */
package io.exflux.reactive.internal.engineio;
