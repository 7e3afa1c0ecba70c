package io.exflux.benchmarks.baseline;

import io.exflux.reactive.internal.engineio.ChannelRouter;
import io.exflux.reactive.internal.engineio.EngineIoOptions;
import io.exflux.reactive.internal.engineio.EngineIoSession;
import io.exflux.reactive.internal.engineio.SessionSignal;
import io.exflux.reactive.internal.ws.FrameSink;
import io.exflux.reactive.venue.v1.internal.V1Events;
import io.exflux.reactive.venue.v1.model.V1BookEvent;

/**
 * The way v1 socket frames were read before the hot path: the engine.io session reads the frame into a JSON
 * tree, the router picks the channel from the tree's arguments, {@link V1Events#decode} maps the payload. Kept as
 * the baseline of {@code DecodeBenchmark} and as the reference of the differential test; not used by the library
 * (which still reads every frame its hot path declines this way).
 */
public final class V1TreeDecoder {

    private final EngineIoOptions options;
    private final ChannelRouter router = V1Events.router();
    private final V1Events codec;

    public V1TreeDecoder(EngineIoOptions options, String venue) {
        this.options = options;
        this.codec = new V1Events(venue);
    }

    /** Reads one frame into {@code sink}, as the engine.io dialect did. */
    public void decode(String frame, FrameSink<V1BookEvent> sink) {
        for (SessionSignal signal : EngineIoSession.ready(options).onFrame(frame).signals()) {
            if (signal instanceof SessionSignal.Malformed malformed) {
                sink.malformed(malformed.error().getMessage(), malformed.error());
            } else if (signal instanceof SessionSignal.Event event) {
                deliver(event, sink);
            }
        }
    }

    private void deliver(SessionSignal.Event event, FrameSink<V1BookEvent> sink) {
        String channel = router.route(event.name(), event.arguments(), sink.liveTopics()).orElse(null);
        V1BookEvent message;
        try {
            message = codec.decode(event);
        } catch (RuntimeException e) {
            sink.malformed("event " + event.name() + " cannot be decoded: " + e.getMessage(), e);
            return;
        }
        if (message == null) {
            return;
        }
        if (channel == null) {
            sink.control(message);
        } else {
            sink.next(message, channel);
        }
    }
}
