/** Embedded venue simulators and the scriptable fake venue server. */
module io.exflux.testkit {
    requires transitive io.exflux.api;
    requires reactor.netty.core;
    requires reactor.netty.http;
    requires io.netty.buffer;
    requires io.netty.codec.http;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports io.exflux.testkit.server;
    exports io.exflux.testkit.sim;
    exports io.exflux.testkit.alp;
    // each public package is exported here as it lands
}
