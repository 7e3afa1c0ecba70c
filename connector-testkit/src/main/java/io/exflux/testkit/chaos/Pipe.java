package io.exflux.testkit.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One direction of one proxied connection: forwards what it receives, in order, through the faults set on it
 * (stall, half-frame, latency, bandwidth). Chunks are copied to {@code byte[]} on arrival, so no Netty buffer
 * is ever held across a delay. Chunks go through one at a time: while one waits, the pipe reads at most
 * {@link #READ_AHEAD} more and then stops reading, which is what makes a stall look like a dead link.
 */
final class Pipe {

    private static final int READ_AHEAD = 8;
    private static final int MAX_SLICE = 64 * 1024;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long connectionId;
    private final Direction way;
    private final Timers timers;
    private final ChaosRecorder recorder;
    private final SplittableRandom jitter; // used on the serial delivery path only

    private final Object lock = new Object();
    private Sinks.Empty<Void> stall; // null while flowing
    private ChaosRecorder.Span span; // the recorded stall, null while flowing
    private int halfFrameLeft = -1; // -1: no half-frame armed
    private ChaosFault.HalfFrame halfFrame;

    private volatile ChaosFault.Latency latency;
    private volatile ChaosFault.Bandwidth bandwidth;
    private volatile long nextFreeNanos; // bandwidth: when the link is free for the next slice

    Pipe(long connectionId, Direction way, Timers timers, ChaosRecorder recorder, SplittableRandom jitter) {
        this.connectionId = connectionId;
        this.way = way;
        this.timers = timers;
        this.recorder = recorder;
        this.jitter = jitter;
    }

    Direction way() {
        return way;
    }

    /** What to send on: the received chunks after the faults; completes early when a half-frame ends in a cut. */
    Flux<byte[]> forward(Flux<byte[]> received) {
        return received.map(bytes -> new Chunk(bytes, timers.nowNanos()))
                .concatMap(this::deliver, READ_AHEAD)
                .takeUntil(Part::last)
                .map(Part::bytes);
    }

    /** Stops forwarding (recorded as a stall from now, caused by {@code cause}) or joins the stall under way. */
    void stall(ChaosFault cause, Duration duration) {
        Sinks.Empty<Void> current;
        synchronized (lock) {
            if (stall == null) {
                stall = Sinks.empty();
                span = recorder.stallStarted(connectionId, way, cause);
            }
            current = stall;
        }
        if (duration != null) {
            timers.after(duration, () -> resume(current));
        }
    }

    void resume() {
        Sinks.Empty<Void> current;
        synchronized (lock) {
            current = stall;
            stall = null;
            endSpan();
        }
        if (current != null) {
            current.tryEmitEmpty();
        }
    }

    /** Resumes this stall only: a timed stall must not end a later one. */
    private void resume(Sinks.Empty<Void> which) {
        synchronized (lock) {
            if (stall != which) {
                return;
            }
            stall = null;
            endSpan();
        }
        which.tryEmitEmpty();
    }

    /** The connection closed: a stall under way ends here (nothing will flow again). */
    void closed() {
        synchronized (lock) {
            endSpan();
        }
    }

    /** When the stall under way started, or {@code null} while flowing. */
    Instant stallStart() {
        synchronized (lock) {
            return span == null ? null : span.start();
        }
    }

    /** Whether a half-frame is armed to stall once its bytes have gone. */
    boolean stallArmed() {
        synchronized (lock) {
            return halfFrame != null && halfFrame.then() == FaultKind.STALL;
        }
    }

    private void endSpan() {
        if (span != null) {
            span.end();
            span = null;
        }
    }

    void halfFrame(ChaosFault.HalfFrame setting) {
        synchronized (lock) {
            halfFrameLeft = setting.bytes();
            halfFrame = setting;
        }
    }

    void latency(ChaosFault.Latency setting) {
        latency = setting;
        if (setting.duration() != null) {
            timers.after(setting.duration(), () -> {
                if (latency == setting) {
                    latency = null;
                }
            });
        }
    }

    void bandwidth(ChaosFault.Bandwidth setting) {
        nextFreeNanos = 0;
        bandwidth = setting;
        if (setting.duration() != null) {
            timers.after(setting.duration(), () -> {
                if (bandwidth == setting) {
                    bandwidth = null;
                }
            });
        }
    }

    /** Clears every fault: resumes a stall, disarms a half-frame, drops latency and bandwidth. */
    void heal() {
        synchronized (lock) {
            halfFrameLeft = -1;
            halfFrame = null;
        }
        latency = null;
        bandwidth = null;
        resume();
    }

    private Flux<Part> deliver(Chunk chunk) {
        return Mono.defer(() -> latencyWait(chunk.arrivedNanos()))
                .thenMany(Flux.defer(() -> Flux.fromIterable(slices(chunk.bytes()))))
                .concatMap(this::emit);
    }

    private Mono<Void> latencyWait(long arrivedNanos) {
        ChaosFault.Latency setting = latency;
        if (setting == null) {
            return Mono.empty();
        }
        long extra = setting.jitter().isZero() ? 0 : jitter.nextLong(setting.jitter().toNanos() + 1);
        long wait = arrivedNanos + setting.fixed().toNanos() + extra - timers.nowNanos();
        return wait <= 0 ? Mono.empty() : Mono.delay(Duration.ofNanos(wait), timers.scheduler()).then();
    }

    /** Cuts a chunk into what goes out at once: bandwidth slices, and the end of an armed half-frame. */
    private List<Slice> slices(byte[] bytes) {
        ChaosFault.Bandwidth cap = bandwidth;
        int most = cap == null ? Math.max(bytes.length, 1) : sliceSize(cap);
        List<Slice> slices = new ArrayList<>();
        int from = 0;
        do {
            int end = Math.min(bytes.length, from + most);
            ChaosFault.HalfFrame after = null;
            synchronized (lock) {
                if (halfFrameLeft >= 0) {
                    end = Math.min(end, from + halfFrameLeft);
                    halfFrameLeft -= end - from;
                    if (halfFrameLeft == 0) {
                        after = halfFrame;
                        halfFrameLeft = -1;
                        halfFrame = null;
                    }
                }
            }
            slices.add(new Slice(Arrays.copyOfRange(bytes, from, end), after));
            from = end;
            if (after != null && after.then() == FaultKind.CUT) {
                break; // the rest of the chunk never leaves
            }
        } while (from < bytes.length);
        return slices;
    }

    private static int sliceSize(ChaosFault.Bandwidth cap) {
        return (int) Math.max(1, Math.min(MAX_SLICE, cap.bytesPerSecond() / 20));
    }

    private Mono<Part> emit(Slice slice) {
        return Mono.defer(this::gate)
                .then(Mono.defer(() -> pace(slice.bytes().length)))
                .then(Mono.fromSupplier(() -> {
                    recorder.forwarded(way, slice.bytes().length);
                    ChaosFault.HalfFrame ended = slice.halfFrameEnd();
                    if (ended != null && ended.then() == FaultKind.STALL) {
                        stall(ended, ended.stall()); // the stall starts now, when its bytes have gone
                    }
                    return new Part(slice.bytes(), ended != null && ended.then() == FaultKind.CUT);
                }));
    }

    /** Completes at once while flowing, on resume while stalled. */
    private Mono<Void> gate() {
        Sinks.Empty<Void> current;
        synchronized (lock) {
            current = stall;
        }
        return current == null ? Mono.empty() : current.asMono();
    }

    private Mono<Void> pace(int length) {
        ChaosFault.Bandwidth cap = bandwidth;
        if (cap == null) {
            return Mono.empty();
        }
        long now = timers.nowNanos();
        long start = Math.max(now, nextFreeNanos);
        nextFreeNanos = start + length * NANOS_PER_SECOND / cap.bytesPerSecond();
        long wait = start - now;
        return wait <= 0 ? Mono.empty() : Mono.delay(Duration.ofNanos(wait), timers.scheduler()).then();
    }

    private record Chunk(byte[] bytes, long arrivedNanos) {
    }

    /** {@code halfFrameEnd}: the half-frame whose last byte this slice carries, or null. */
    private record Slice(byte[] bytes, ChaosFault.HalfFrame halfFrameEnd) {
    }

    /** {@code last}: a half-frame ended in a cut, nothing more leaves this pipe. */
    private record Part(byte[] bytes, boolean last) {
    }
}
