package io.exflux.samples.webflux;

import java.net.URI;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The sample application, started as {@code java -jar} would start it, on a free port of 127.0.0.1. */
final class MarketWebServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private MarketWebServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts the application with these properties ({@code key=value}) over those of {@code application.properties},
     * as command-line arguments would give them.
     */
    static MarketWebServer start(String... properties) {
        String[] arguments = new String[properties.length + 1];
        arguments[0] = "--server.port=0";
        for (int i = 0; i < properties.length; i++) {
            arguments[i + 1] = "--" + properties[i];
        }
        return new MarketWebServer(new SpringApplicationBuilder(MarketWebApplication.class)
                .web(WebApplicationType.REACTIVE).run(arguments));
    }

    /** The sample's simulator mode: the embedded ALP simulator. */
    static MarketWebServer onSimulator() {
        return start();
    }

    /** The sample serving the ALP venue at these URLs (a simulator the test started). */
    static MarketWebServer onAlp(String restUrl, String wsUrl) {
        return start("exflux.venues.alp.simulator=false", "exflux.venues.alp.rest-url=" + restUrl,
                "exflux.venues.alp.ws-url=" + wsUrl);
    }

    /** Where the page is, for example {@code http://127.0.0.1:41234/}. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/");
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    /** Stops the application: event streams end, venue sockets close with a close frame. */
    @Override
    public void close() {
        context.close();
    }
}
