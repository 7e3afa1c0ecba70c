/** Embedded venue simulators and the scriptable fake venue server. */
module io.exflux.testkit {
    requires transitive io.exflux.api;
    requires reactor.netty.core;
    requires reactor.netty.http;
    requires io.netty.buffer;
    requires io.netty.codec.http;
    // reactor-netty is an automatic module: it loads these, but only a named module can put them in the graph
    requires io.netty.codec.http2;
    requires io.netty.resolver.dns;
    requires io.netty.handler.proxy;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires static reactor.blockhound;

    exports io.exflux.testkit.server;
    exports io.exflux.testkit.blockhound;
    exports io.exflux.testkit.sim;
    exports io.exflux.testkit.alp;
    exports io.exflux.testkit.chaos;
    exports io.exflux.testkit.v1;
    exports io.exflux.testkit.btse;
    exports io.exflux.testkit.docs;
    // each public package is exported here as it lands
}
