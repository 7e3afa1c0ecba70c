package io.exflux.reactive.internal.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.ReadTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import reactor.netty.NettyPipeline;

/**
 * The response timeout ({@code responseTimeout}: the longest silence while waiting for or reading an answer) of the
 * requests on one HTTP/1.1 connection. reactor-netty's own adds a read-timeout handler before the HTTP codec when a
 * request has been written and removes it with the answer: two changes of the connection's pipeline per request. This
 * handler sits at the same place for the connection's whole life and only notes when bytes arrive; each request arms
 * a {@link Watch}, one timer task on the connection's event loop. Past the timeout without a byte, the watch does
 * what the read-timeout handler does: {@link ReadTimeoutException} down the pipeline from here (the call fails with
 * {@code RequestTimeoutException}) and the connection closed.
 */
final class ResponseSilence extends ChannelInboundHandlerAdapter {

    static final String NAME = "exflux.responseSilence";

    private ChannelHandlerContext context;
    /** When bytes last arrived ({@link System#nanoTime()}); written on the event loop, read there too. */
    private long lastRead = System.nanoTime();

    private ResponseSilence() {
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.context = context;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        lastRead = System.nanoTime();
        context.fireChannelRead(message);
    }

    /** The handler of the connection, put in place (right before the HTTP codec) on the first request. */
    private static ResponseSilence of(Channel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        ResponseSilence silence = (ResponseSilence) pipeline.get(NAME);
        if (silence == null && pipeline.get(NettyPipeline.HttpCodec) != null) {
            silence = new ResponseSilence();
            pipeline.addBefore(NettyPipeline.HttpCodec, NAME, silence);
        }
        return silence;
    }

    /**
     * The response timeout of one request: {@link #start started} once the request is written, {@link #end ended}
     * once its answer is whole or the exchange is over. A watch ended before it starts never starts.
     */
    static final class Watch implements Runnable {

        private final long timeoutNanos;
        private ResponseSilence connection;
        private long from;
        private volatile boolean over;
        private volatile ScheduledFuture<?> timer;

        Watch(Duration timeout) {
            this.timeoutNanos = timeout.toNanos();
        }

        /** Starts the watch on the connection the request was written to, on its event loop. */
        void start(Channel channel) {
            ResponseSilence silence = channel == null || over ? null : ResponseSilence.of(channel);
            if (silence == null) {
                return; // no HTTP/1.1 codec: reactor-netty's own timeouts and the attempt deadline still hold
            }
            connection = silence;
            from = System.nanoTime();
            timer = channel.eventLoop().schedule(this, timeoutNanos, TimeUnit.NANOSECONDS);
        }

        /** Ends the watch (any thread, any number of times). */
        void end() {
            over = true;
            ScheduledFuture<?> armed = timer;
            if (armed != null) {
                armed.cancel(false);
            }
        }

        /** On the connection's event loop, when the time since the request was written or the last read is up. */
        @Override
        public void run() {
            ChannelHandlerContext context = connection.context;
            if (over || !context.channel().isActive()) {
                return;
            }
            long read = connection.lastRead;
            long silent = System.nanoTime() - (read - from > 0 ? read : from);
            if (silent < timeoutNanos) {
                timer = context.executor().schedule(this, timeoutNanos - silent, TimeUnit.NANOSECONDS);
                return;
            }
            over = true;
            context.fireExceptionCaught(ReadTimeoutException.INSTANCE);
            context.close();
        }
    }
}
