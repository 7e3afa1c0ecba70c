package io.exflux.samples.webflux;

import io.exflux.samples.cli.Venues;
import io.exflux.samples.cli.venue.ConnectRequest;
import io.exflux.samples.cli.venue.VenueSession;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the WebFlux sample against the embedded ALP simulator on http://127.0.0.1:8080/ (or the port in
 * the first argument) until Ctrl-C.
 */
public final class MarketWebMain {

    private MarketWebMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        VenueSession session = Venues.registry().connector("alp")
                .open(new ConnectRequest(false, null, null, false, () -> null));
        MarketWebApp app = MarketWebApp.start(session.client(), "127.0.0.1", port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            session.close();
            stopped.countDown();
        }, "exflux-webflux-shutdown"));
        System.out.println("exflux WebFlux sample: " + session.description() + "; open " + app.uri()
                + "?pair=BTC_USDT (Ctrl-C to stop)");
        stopped.await();
    }
}
