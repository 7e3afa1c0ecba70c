package io.exflux.testkit.chaos;

/** The kinds of fault a {@link ChaosProxy} injects; {@link ChaosStats} counts faults by kind. */
public enum FaultKind {
    /** Both sockets closed at once (FIN). */
    CUT,
    /** Both sockets aborted with a TCP reset (SO_LINGER 0). */
    RESET,
    /** Forwarding stops, the sockets stay open. */
    STALL,
    /** Only the first bytes of what comes next are forwarded, then a stall or a cut. */
    HALF_FRAME,
    /** Each chunk is delayed by a fixed plus a random amount, order kept. */
    LATENCY,
    /** Forwarding is capped at a number of bytes per second, order kept. */
    BANDWIDTH
}
