package io.exflux.reactive.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails the test class when Netty reported a leaked buffer while it ran (use with
 * {@code -Dio.netty.leakDetection.level=paranoid}, which the build sets). Reports from earlier classes
 * are discarded before the class starts.
 */
public final class FailOnNettyLeaks implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        NettyLeaks.install();
        NettyLeaks.collect();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        assertThat(NettyLeaks.collect()).as("Netty leak reports").isEmpty();
    }
}
