/**
 * exflux's reactive implementation. The public surface is {@code io.exflux.reactive} ({@code ClientResources},
 * {@code Exchanges}), {@code io.exflux.reactive.config} and the venue packages; packages named {@code internal}
 * are the engine, exported only to exflux's own modules.
 */
module io.exflux.reactive {
    requires transitive io.exflux.api;
    requires transitive reactor.netty.core;
    requires transitive reactor.netty.http;
    requires io.netty.buffer;
    requires io.netty.codec.http;
    requires io.netty.codec; // DecoderResult: answers the HTTP decoder could not read
    // reactor-netty is an automatic module: it loads these, but only a named module can put them in the graph
    requires io.netty.codec.http2;
    requires io.netty.resolver.dns;
    requires io.netty.handler.proxy;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;
    requires com.fasterxml.jackson.core;
    requires transitive com.fasterxml.jackson.databind;
    requires org.bouncycastle.provider;
    requires org.slf4j;
    // optional: meters and observations only when the application gives ClientResources a registry
    requires static micrometer.core;
    requires static micrometer.observation;
    requires static micrometer.commons;

    exports io.exflux.reactive;
    exports io.exflux.reactive.config;
    exports io.exflux.reactive.venue.alp;
    exports io.exflux.reactive.venue.alp.model;
    opens io.exflux.reactive.venue.alp.model to com.fasterxml.jackson.databind;
    exports io.exflux.reactive.venue.v1;
    exports io.exflux.reactive.venue.v1.model;
    exports io.exflux.reactive.venue.btse;
    exports io.exflux.reactive.venue.btse.model;
    opens io.exflux.reactive.venue.btse.model to com.fasterxml.jackson.databind;

    uses io.exflux.reactive.ExchangeProvider;
    provides io.exflux.reactive.ExchangeProvider with io.exflux.reactive.venue.alp.AlpExchangeProvider,
            io.exflux.reactive.venue.v1.V1ExchangeProvider.BtcAlpha,
            io.exflux.reactive.venue.v1.V1ExchangeProvider.Bitexbit,
            io.exflux.reactive.venue.btse.BtseExchangeProvider;

    // The engine is not API: only our own modules may use it (benchmarks run on the class path).
    exports io.exflux.reactive.internal.auth to io.exflux.testkit;
    exports io.exflux.reactive.internal.book to io.exflux.testkit, io.exflux.kafka;
    exports io.exflux.reactive.internal.codec to io.exflux.testkit;
    exports io.exflux.reactive.internal.engineio to io.exflux.testkit;
    exports io.exflux.reactive.internal.http to io.exflux.testkit;
    exports io.exflux.reactive.internal.ratelimit to io.exflux.testkit;
    exports io.exflux.reactive.internal.ws to io.exflux.testkit;
}
