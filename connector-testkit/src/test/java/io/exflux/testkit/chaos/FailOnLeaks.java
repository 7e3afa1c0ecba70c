package io.exflux.testkit.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Fails the test class when Netty reported a leaked buffer while it ran; earlier reports are dropped first. */
final class FailOnLeaks implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        LeakWatch.install();
        LeakWatch.collect();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        assertThat(LeakWatch.collect()).as("Netty leak reports").isEmpty();
    }
}
