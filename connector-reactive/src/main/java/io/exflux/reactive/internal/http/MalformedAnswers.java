package io.exflux.reactive.internal.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.HttpObject;

/**
 * Tags what Netty's HTTP decoder could not read (a garbled status line, a header line too long, a bad chunk size),
 * so that the failure reaches the pipeline as {@link MalformedAnswers.Failure}, a venue answer we cannot read,
 * rather than as the bare {@code NumberFormatException} or {@code IllegalArgumentException} the decoder raised,
 * which would look like a bug of the client. A head cut short by the connection's close is left alone: that is a
 * lost connection ({@link TransportFailure#AMBIGUOUS}), not a garbled answer. Sits right after the HTTP codec;
 * stateless and shared.
 */
@ChannelHandler.Sharable
final class MalformedAnswers extends ChannelInboundHandlerAdapter {

    static final MalformedAnswers INSTANCE = new MalformedAnswers();

    /** The decoder's failure to read an answer; its message is the decoder's class of failure only. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(Throwable cause) {
            // the decoder's message may quote the answer's bytes: keep only what kind of failure it was
            super(cause.getClass().getSimpleName(), cause, false, false);
        }
    }

    private MalformedAnswers() {
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (message instanceof HttpObject http && http.decoderResult().isFailure()
                && !(http.decoderResult().cause() instanceof Failure)
                // the connection closed before the head was whole: an answer cut short, not a malformed one
                && !(http.decoderResult().cause() instanceof PrematureChannelClosureException)) {
            http.setDecoderResult(DecoderResult.failure(new Failure(http.decoderResult().cause())));
        }
        context.fireChannelRead(message);
    }
}
