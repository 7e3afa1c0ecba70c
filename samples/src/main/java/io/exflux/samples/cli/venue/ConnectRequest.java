package io.exflux.samples.cli.venue;

import io.exflux.api.config.Credentials;
import java.net.URI;
import java.util.function.Supplier;

/**
 * How a command wants to reach a venue.
 *
 * @param live        true for the real venue, false for the embedded simulator
 * @param restUrl     overrides the venue's REST base URL (live only), or {@code null}
 * @param websocketUrl overrides the venue's websocket URL (live only), or {@code null}
 * @param privateAccess true when the command needs an account (balances, orders): the simulator then
 *                    opens a funded demo account, the live venue needs credentials
 * @param credentials where live credentials come from; asked only when {@code live && privateAccess}
 */
public record ConnectRequest(boolean live, URI restUrl, URI websocketUrl, boolean privateAccess,
                             Supplier<Credentials> credentials) {
}
