package io.exflux.samples.cli.sim;

import java.io.PrintStream;

/** A venue's simulator running as a server for {@code exflux sim}: its port, and how a user talks to it. */
public interface SimServer extends AutoCloseable {

    /** The port clients connect to. */
    int port();

    /** The market generator's seed. */
    long seed();

    /** Prints where the simulator listens, the demo account and commands to try from another shell. */
    void describe(PrintStream out);

    /** Stops the simulator and releases its port. */
    @Override
    void close();
}
