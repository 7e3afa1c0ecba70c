package io.exflux.samples.cli.command;

import java.time.Duration;

/** Limits the CLI puts on single requests, so that a stuck venue never hangs a command. */
final class Requests {

    /** The longest the CLI waits for one REST answer (the client's own timeouts are usually shorter). */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Requests() {
    }
}
