package io.exflux.testkit.chaos;

import java.util.List;

/** The tests' view of {@link LeakReports}: install, then collect (sweep and drain) the reports. */
final class LeakWatch {

    private LeakWatch() {
    }

    static void install() {
        try {
            LeakReports.install();
        } catch (IllegalStateException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Lets the collector find dropped buffers, makes the detector report them, returns and forgets the reports. */
    static List<String> collect() {
        LeakReports.sweep();
        return LeakReports.drain();
    }
}
