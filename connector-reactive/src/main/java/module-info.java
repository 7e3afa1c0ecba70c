/** exflux's reactive implementation. Packages named {@code internal} are not API. */
module io.exflux.reactive {
    requires transitive io.exflux.api;
    requires reactor.netty.core;
    requires reactor.netty.http;
    requires io.netty.buffer;
    requires io.netty.codec.http;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;
    requires com.fasterxml.jackson.core;
    requires transitive com.fasterxml.jackson.databind;
    requires org.bouncycastle.provider;
    requires org.slf4j;

    exports io.exflux.reactive.auth;
    exports io.exflux.reactive.book;
    exports io.exflux.reactive.json;
    exports io.exflux.reactive.ratelimit;
    exports io.exflux.reactive.transport.engineio;
    exports io.exflux.reactive.transport.http;
    exports io.exflux.reactive.transport.ws;
    exports io.exflux.reactive.venue.alp;
    exports io.exflux.reactive.venue.alp.model;
    opens io.exflux.reactive.venue.alp.model to com.fasterxml.jackson.databind;
    // each public package is exported here as it lands
}
