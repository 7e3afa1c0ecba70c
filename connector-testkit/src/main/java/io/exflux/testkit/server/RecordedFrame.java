package io.exflux.testkit.server;

import java.time.Instant;
import java.util.Objects;

/**
 * One websocket frame the fake venue received from a client.
 *
 * @param path      the websocket endpoint path
 * @param sessionId the session (connection) number on this server, starting at 1
 * @param kind      what kind of frame it was
 * @param text      the text of a TEXT frame; for other kinds the payload decoded as UTF-8
 * @param arrival   when it arrived (server wall clock)
 */
public record RecordedFrame(String path, long sessionId, Kind kind, String text, Instant arrival) {

    /** The websocket frame kinds the server records. */
    public enum Kind { TEXT, BINARY, PING, PONG, CLOSE }

    /** Checks the fields. */
    public RecordedFrame {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(arrival, "arrival");
    }
}
