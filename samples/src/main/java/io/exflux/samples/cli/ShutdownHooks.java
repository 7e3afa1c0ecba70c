package io.exflux.samples.cli;

/**
 * Where a long-running command registers what to do on Ctrl-C. The real one is the JVM's shutdown
 * hooks; tests pass one they can fire themselves.
 */
public interface ShutdownHooks {

    /**
     * Runs {@code action} when the process is asked to stop, until the returned handle is closed.
     */
    Registration register(Runnable action);

    /** A registered hook; closing it removes the hook. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** The JVM's shutdown hooks (SIGINT, SIGTERM). */
    static ShutdownHooks jvm() {
        return action -> {
            Thread hook = new Thread(action, "exflux-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            return () -> {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is already running the hooks: nothing left to remove
                }
            };
        };
    }
}
