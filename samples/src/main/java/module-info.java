/**
 * The {@code exflux} command-line program and the runnable samples (Reactor analytics, soak); the Spring WebFlux
 * sample lives in samples-spring-boot, so that the CLI's jar carries no Spring.
 * An application, not a library: it exports its packages only so that they can be run and read.
 */
module io.exflux.samples {
    requires transitive io.exflux.api;
    requires transitive io.exflux.reactive;
    requires transitive io.exflux.testkit;
    requires io.exflux.kafka; // exflux collect, exflux book --from-kafka
    requires transitive info.picocli;
    requires transitive com.fasterxml.jackson.databind;
    requires org.jline;
    // the soak samples heap and threads
    requires java.management;
    requires reactor.netty.http;
    requires reactor.netty.core;

    exports io.exflux.samples.analytics;
    exports io.exflux.samples.cli;
    exports io.exflux.samples.cli.command;
    exports io.exflux.samples.cli.render;
    exports io.exflux.samples.cli.sim;
    exports io.exflux.samples.cli.venue;
    exports io.exflux.samples.soak;

    // picocli sets the annotated option fields reflectively.
    opens io.exflux.samples.cli to info.picocli;
    opens io.exflux.samples.cli.command to info.picocli;
}
