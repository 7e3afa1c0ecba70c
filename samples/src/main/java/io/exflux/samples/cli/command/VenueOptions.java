package io.exflux.samples.cli.command;

import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command shares: which venue, simulator or live, where, with which key file. */
public final class VenueOptions {

    @Option(names = "--venue", defaultValue = "alp", paramLabel = "VENUE",
            description = "alp, btc-alpha, bitexbit or btse (default: ${DEFAULT-VALUE})")
    String venue;

    @Option(names = "--live", description = "Talk to the real venue instead of the embedded simulator.")
    boolean live;

    @Option(names = "--url", paramLabel = "URL",
            description = "REST base URL of the venue to talk to, for example an 'exflux sim' (implies --live).")
    URI url;

    @Option(names = "--ws-url", paramLabel = "URL",
            description = "Websocket URL of the venue to talk to (implies --live).")
    URI wsUrl;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Properties file with api-key= and api-secret= (live private commands). "
                    + "Default: the EXFLUX_<VENUE>_API_KEY and EXFLUX_<VENUE>_API_SECRET variables.")
    Path keyFile;

    @Option(names = {"-v", "--verbose"}, description = "On failure, print the error's context and stack trace.")
    boolean verbose;

    public String venue() {
        return venue;
    }

    /** True for a venue reached over the network: {@code --live}, or a URL given to talk to. */
    public boolean live() {
        return live || url != null || wsUrl != null;
    }

    public URI url() {
        return url;
    }

    public URI wsUrl() {
        return wsUrl;
    }

    public Path keyFile() {
        return keyFile;
    }

    public boolean verbose() {
        return verbose;
    }
}
