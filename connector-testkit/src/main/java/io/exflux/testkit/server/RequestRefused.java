package io.exflux.testkit.server;

import java.util.Objects;

/**
 * A request a simulated venue refuses before or while handling it, carrying the exact answer. A
 * {@link RouteTable} turns it into that answer; it never reaches a client as an exception. Carries no
 * stack trace: it is control flow, not a failure.
 */
public final class RequestRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient FakeResponse response;

    public RequestRefused(FakeResponse response) {
        super(null, null, false, false);
        this.response = Objects.requireNonNull(response, "response");
    }

    /** The answer to send. */
    public FakeResponse response() {
        return response;
    }
}
