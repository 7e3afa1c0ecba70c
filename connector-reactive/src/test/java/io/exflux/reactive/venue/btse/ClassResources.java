package io.exflux.reactive.venue.btse;

import io.exflux.reactive.ClientResources;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link ClientResources} shared by a test class's clients, as a static {@code @RegisterExtension}: a client's
 * own resources take seconds to shut down, so the class creates them once and closes them after its last test.
 */
final class ClassResources implements BeforeAllCallback, AfterAllCallback {

    private ClientResources resources;

    @Override
    public void beforeAll(ExtensionContext context) {
        resources = ClientResources.create();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        resources.shutdown().block(Duration.ofSeconds(10));
    }

    /** The class's resources (between its first and last test). */
    ClientResources get() {
        return resources;
    }
}
