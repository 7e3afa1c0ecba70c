package io.exflux.testkit.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/**
 * "During this run, at random intervals between {@code a} and {@code b}, apply one of these faults with these
 * weights": a seeded plan of faults that {@link #start(ChaosProxy)} applies to a proxy until stopped. The same
 * seed draws the same steps (intervals, faults and the random parameters of faults) every time, on any machine;
 * which connection a step hits depends on what is open when it fires, and is drawn from a second seeded stream
 * so that it never changes the steps. A schedule can leave a stall alone for a while ({@link Builder#spareStalls}), so
 * that the next fault does not end it before a client could notice, and fire its first step after a set delay
 * ({@link Builder#firstAfter}); two schedules may run on one proxy side by side (e.g. stalls, and everything else).
 *
 * <pre>{@code
 * ChaosSchedule schedule = ChaosSchedule.seeded(42)
 *         .between(Duration.ofSeconds(2), Duration.ofSeconds(8))
 *         .fault(6, ChaosFault.cut())
 *         .fault(2, random -> ChaosFault.stall(Direction.BOTH, Duration.ofSeconds(18 + random.nextInt(23))))
 *         .fault(1, ChaosFault.halfFrame(Direction.SERVER_TO_CLIENT, 17, FaultKind.CUT))
 *         .build();
 * ChaosSchedule.Run run = schedule.start(proxy);
 * // ... the soak ...
 * run.stop();
 * }</pre>
 */
public final class ChaosSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(ChaosSchedule.class);

    /** What each step hits. */
    public enum Target {
        /** One open connection, drawn at random (the default); the step is skipped when none is open. */
        ONE_CONNECTION,
        /** Every open connection at once, as {@link ChaosProxy#apply}. */
        EVERY_CONNECTION
    }

    /** One drawn step: wait {@code interval}, then apply {@code fault}. */
    public record Step(Duration interval, ChaosFault fault) {
        public Step {
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(fault, "fault");
        }
    }

    private final long seed;
    private final Duration shortest;
    private final Duration longest;
    private final List<Choice> choices;
    private final int totalWeight;
    private final Target target;
    private final Duration first;
    private final Duration spare;

    private ChaosSchedule(Builder builder) {
        this.seed = builder.seed;
        this.shortest = builder.shortest;
        this.longest = builder.longest;
        this.choices = List.copyOf(builder.choices);
        this.totalWeight = choices.stream().mapToInt(Choice::weight).sum();
        this.target = builder.target;
        this.first = builder.first;
        this.spare = builder.spare;
    }

    /** A schedule drawing from this seed. */
    public static Builder seeded(long seed) {
        return new Builder(seed);
    }

    /** The first {@code count} steps this schedule draws: exactly the steps a {@link Run} applies, in order. */
    public List<Step> draw(int count) {
        Draw draw = new Draw();
        List<Step> steps = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            steps.add(draw.next());
        }
        return steps;
    }

    /** Starts applying the steps to the proxy, on its scheduler; stop it with {@link Run#stop()}. */
    public Run start(ChaosProxy proxy) {
        Run run = new Run(Objects.requireNonNull(proxy, "proxy"));
        run.scheduleNext();
        return run;
    }

    /** The steps of one seed, drawn in order; not thread-safe (a run draws one step at a time). */
    private final class Draw {
        private final SplittableRandom steps = new SplittableRandom(seed);
        private boolean started;

        Step next() {
            long from = shortest.toMillis();
            long to = longest.toMillis();
            Duration interval = !started && first != null ? first
                    : Duration.ofMillis(from == to ? from : steps.nextLong(from, to + 1));
            started = true;
            int pick = steps.nextInt(totalWeight);
            for (Choice choice : choices) {
                pick -= choice.weight();
                if (pick < 0) {
                    return new Step(interval, Objects.requireNonNull(choice.fault().apply(steps), "drawn fault"));
                }
            }
            throw new IllegalStateException("weights changed under the schedule");
        }
    }

    /** A running schedule: the steps it applied, the ones that found no connection, and {@link #stop()}. */
    public final class Run implements Disposable {

        private final ChaosProxy proxy;
        private final Draw draw = new Draw();
        private final SplittableRandom picks = new SplittableRandom(~seed);
        private final List<Step> applied = new CopyOnWriteArrayList<>();
        private final AtomicLong skipped = new AtomicLong();
        private volatile Disposable pending;
        private volatile boolean stopped;

        private Run(ChaosProxy proxy) {
            this.proxy = proxy;
        }

        private void scheduleNext() {
            Step step = draw.next();
            pending = proxy.timers().after(step.interval(), () -> fire(step));
        }

        private void fire(Step step) {
            if (stopped) {
                return;
            }
            try {
                if (target == Target.EVERY_CONNECTION) {
                    proxy.apply(step.fault());
                    applied.add(step);
                } else {
                    List<ChaosConnection> open = candidates();
                    if (open.isEmpty()) {
                        skipped.incrementAndGet();
                    } else {
                        open.get(picks.nextInt(open.size())).apply(step.fault());
                        applied.add(step);
                    }
                }
            } catch (RuntimeException failed) {
                LOG.warn("chaos schedule could not apply {}", step, failed);
            }
            if (!stopped) {
                scheduleNext();
            }
        }

        private List<ChaosConnection> candidates() {
            List<ChaosConnection> open = proxy.connections();
            if (spare == null) {
                return open;
            }
            Instant now = proxy.recorder().now();
            return open.stream().filter(connection -> !connection.stallYoungOrArmed(now, spare)).toList();
        }

        /** The steps applied so far, in order. */
        public List<Step> applied() {
            return List.copyOf(applied);
        }

        /**
         * Steps that fired while no connection was open, or none but connections spared for their stall (with
         * {@link Target#ONE_CONNECTION}).
         */
        public long skipped() {
            return skipped.get();
        }

        /** Stops the schedule; faults already applied stay (heal the proxy to clear them). */
        public void stop() {
            stopped = true;
            Disposable next = pending;
            if (next != null) {
                next.dispose();
            }
        }

        @Override
        public void dispose() {
            stop();
        }

        @Override
        public boolean isDisposed() {
            return stopped;
        }
    }

    /** Settings of a {@link ChaosSchedule}. */
    public static final class Builder {

        private final long seed;
        private Duration shortest;
        private Duration longest;
        private final List<Choice> choices = new ArrayList<>();
        private Target target = Target.ONE_CONNECTION;
        private Duration first;
        private Duration spare;

        private Builder(long seed) {
            this.seed = seed;
        }

        /** Steps fire at random intervals between these two (both included), in whole milliseconds. */
        public Builder between(Duration shortest, Duration longest) {
            Objects.requireNonNull(shortest, "shortest");
            Objects.requireNonNull(longest, "longest");
            if (shortest.toMillis() <= 0 || longest.compareTo(shortest) < 0) {
                throw new IllegalArgumentException("intervals need 1 ms <= shortest <= longest: " + shortest + ", " + longest);
            }
            this.shortest = shortest;
            this.longest = longest;
            return this;
        }

        /** Adds this fault with this weight. */
        public Builder fault(int weight, ChaosFault fault) {
            Objects.requireNonNull(fault, "fault");
            return fault(weight, random -> fault);
        }

        /** Adds a fault drawn at each step from the schedule's seeded random (e.g. a stall of random length). */
        public Builder fault(int weight, Function<RandomGenerator, ChaosFault> draw) {
            Objects.requireNonNull(draw, "draw");
            if (weight <= 0) {
                throw new IllegalArgumentException("a weight must be positive: " + weight);
            }
            choices.add(new Choice(weight, draw));
            return this;
        }

        /** The first step fires after {@code delay} instead of a drawn interval (a stall early in a short run). */
        public Builder firstAfter(Duration delay) {
            Objects.requireNonNull(delay, "delay");
            if (delay.toMillis() <= 0) {
                throw new IllegalArgumentException("the first step needs a delay of 1 ms or more: " + delay);
            }
            this.first = delay;
            return this;
        }

        /**
         * Steps leave alone a connection in the first {@code window} of a stall (either way) or with a half-frame armed
         * to stall, so that no fault of this schedule ends a stall before the client had {@code window} to notice it;
         * a step that finds only such connections is skipped. Only with {@link Target#ONE_CONNECTION}.
         */
        public Builder spareStalls(Duration window) {
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a stall's spared window must be positive: " + window);
            }
            this.spare = window;
            return this;
        }

        /** What each step hits; {@link Target#ONE_CONNECTION} by default. */
        public Builder target(Target target) {
            this.target = Objects.requireNonNull(target, "target");
            return this;
        }

        public ChaosSchedule build() {
            if (shortest == null) {
                throw new IllegalStateException("set the intervals with between(shortest, longest)");
            }
            if (choices.isEmpty()) {
                throw new IllegalStateException("add at least one fault");
            }
            if (spare != null && target == Target.EVERY_CONNECTION) {
                throw new IllegalStateException("spareStalls picks connections one by one: use Target.ONE_CONNECTION");
            }
            return new ChaosSchedule(this);
        }
    }

    private record Choice(int weight, Function<RandomGenerator, ChaosFault> fault) {
    }
}
