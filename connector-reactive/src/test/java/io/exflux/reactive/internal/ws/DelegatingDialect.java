package io.exflux.reactive.internal.ws;

import io.exflux.reactive.internal.ws.TestDialect.Msg;
import io.netty.buffer.ByteBuf;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A dialect that forwards to another; tests override one method. */
class DelegatingDialect implements StreamDialect<Msg> {

    private final StreamDialect<Msg> delegate;

    DelegatingDialect(StreamDialect<Msg> delegate) {
        this.delegate = delegate;
    }

    @Override
    public void decode(String frame, FrameSink<Msg> sink) {
        delegate.decode(frame, sink);
    }

    @Override
    public void decode(ByteBuf utf8, FrameSink<Msg> sink) {
        delegate.decode(utf8, sink);
    }

    @Override
    public int longestTextFrameRead() {
        return delegate.longestTextFrameRead();
    }

    @Override
    public boolean acknowledgesSubscriptions() {
        return delegate.acknowledgesSubscriptions();
    }

    @Override
    public List<String> subscribeFrames(List<String> topics) {
        return delegate.subscribeFrames(topics);
    }

    @Override
    public List<String> unsubscribeFrames(List<String> topics) {
        return delegate.unsubscribeFrames(topics);
    }

    @Override
    public int maxTopicsPerFrame() {
        return delegate.maxTopicsPerFrame();
    }

    @Override
    public int maxTopicsPerConnection() {
        return delegate.maxTopicsPerConnection();
    }

    @Override
    public Mono<Handshake> handshake(HandshakeSession session) {
        return delegate.handshake(session);
    }

    @Override
    public Mono<List<String>> authenticate() {
        return delegate.authenticate();
    }

    @Override
    public Flux<String> outboundFrames(HeartbeatContext session) {
        return delegate.outboundFrames(session);
    }

    @Override
    public HeartbeatStrategy heartbeat() {
        return delegate.heartbeat();
    }
}
