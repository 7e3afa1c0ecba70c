package io.exflux.reactive.venue.btse;

import io.exflux.reactive.ClientResources;
import io.exflux.testkit.server.FakeVenueServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The loopback BTSE of a test class, as a static {@code @RegisterExtension}: one {@code ClientResources} per class
 * (closing it waits for the event loops' quiet period, so once per class, in the background) and a fresh
 * {@link FakeVenueServer} per test, answering the market list that validates orders.
 */
final class BtseLoopback implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private ClientResources resources;
    private FakeVenueServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        resources = ClientResources.create();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        resources.shutdown().subscribe();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server = FakeVenueServer.start();
        BtseWire.markets(server);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
    }

    /** This test's venue. */
    FakeVenueServer server() {
        return server;
    }

    /** The class's resources. */
    ClientResources resources() {
        return resources;
    }

    /** Options of a client of this test's venue with the document's key (see {@link BtseWire#options}). */
    BtseOptions.Builder options() {
        return BtseWire.options(server, resources);
    }

    /** A native client of this test's venue. */
    BtseRestClient client() {
        return new BtseRestClient(options().build());
    }
}
