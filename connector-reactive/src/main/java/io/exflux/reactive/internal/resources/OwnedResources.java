package io.exflux.reactive.internal.resources;

import io.exflux.reactive.ClientResources;
import io.exflux.reactive.config.VenueOptions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/**
 * The resources a client runs on: the options' shared ones, or resources it creates for itself when the options
 * name none. Only those it created are closed by {@link #close()}; shared ones belong to the caller.
 */
public final class OwnedResources {

    private final ClientResources resources;
    private final boolean owned;

    private OwnedResources(ClientResources resources, boolean owned) {
        this.resources = resources;
        this.owned = owned;
    }

    /** The options' resources, or new ones sized by the options' pool settings. */
    public static OwnedResources of(VenueOptions options) {
        return options.resources().map(shared -> new OwnedResources(shared, false))
                .orElseGet(() -> new OwnedResources(ClientResources.builder().pool(options.http()).build(), true));
    }

    /** The resources to run on. */
    public ClientResources resources() {
        return resources;
    }

    /** Whether these resources were created here (and are closed by {@link #close()}). */
    public boolean owned() {
        return owned;
    }

    /** The time on the resources' scheduler (virtual in tests). */
    public Instant now() {
        return Instant.ofEpochMilli(resources.scheduler().now(TimeUnit.MILLISECONDS));
    }

    /** Closes the resources if they were created here; completes at once for shared ones. */
    public Mono<Void> close() {
        return owned ? resources.shutdown() : Mono.empty();
    }
}
