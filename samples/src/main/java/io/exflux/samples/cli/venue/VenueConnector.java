package io.exflux.samples.cli.venue;

/** Opens sessions to one venue, against its simulator or live. */
public interface VenueConnector {

    /** The venue id: {@code alp}, {@code btc-alpha}, {@code bitexbit} or {@code btse}. */
    String venue();

    /**
     * Opens a session. Throws {@link io.exflux.samples.cli.CliException} when it cannot (no
     * credentials, a simulator that does not start).
     */
    VenueSession open(ConnectRequest request);
}
