package io.exflux.reactive.venue.btse.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The websocket frames of the BTSE documents kept under {@code btse/ws/} in the test resources. */
public final class BtseWsFrames {

    private BtseWsFrames() {
    }

    /** The frame in {@code btse/ws/<name>}, without its trailing newline. */
    public static String frame(String name) {
        try (InputStream in = BtseWsFrames.class.getResourceAsStream("/btse/ws/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource btse/ws/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
