package io.exflux.reactive.config;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before attempt {@code n} of something that failed: the REST retry step and the websocket
 * reconnect both ask one of these (the formulas of Lettuce's {@code Delay} family).
 *
 * <ul>
 *   <li>{@link #constant}: the same delay every time;</li>
 *   <li>{@link #exponential}: {@code min(max, initial * multiplier^(n-1))}, no randomness;</li>
 *   <li>{@link #fullJitter}: a uniformly random delay in {@code [0, exponential(n))};</li>
 *   <li>{@link #equalJitter}: half of {@code exponential(n)} plus a random part of the other half;</li>
 *   <li>{@link #decorrelatedJitter}: random in {@code [initial, 3 * previous delay)}, capped; remembers its last
 *       delay, so each run of attempts takes its own {@link #sequence()}.</li>
 * </ul>
 * The jittered formulas read a random source of uniform values in {@code [0, 1)}; tests pass a seeded or constant
 * one to get exact delays. Attempts count from 1. Instances are immutable and thread-safe, except what
 * {@link #sequence()} returns for decorrelated jitter (one per run of attempts, used by one caller at a time).
 */
public abstract class Backoff {

    /** The default random source: {@link ThreadLocalRandom}. */
    public static final DoubleSupplier DEFAULT_RANDOM = () -> ThreadLocalRandom.current().nextDouble();
    /** The growth factor of the exponential formulas when none is given. */
    public static final double DEFAULT_MULTIPLIER = 2.0;

    /** For subclasses: a custom formula. */
    protected Backoff() {
    }

    /**
     * The delay before attempt {@code attempt}.
     *
     * @param attempt the attempt about to be made, from 1 (values below 1 count as 1)
     * @return the delay, never negative
     */
    public abstract Duration delay(int attempt);

    /**
     * The backoff for one run of attempts (one call's retries, one socket's reconnects). Formulas without memory
     * return themselves; decorrelated jitter returns a fresh copy that remembers its previous delay.
     */
    public Backoff sequence() {
        return this;
    }

    /** Always {@code delay}. */
    public static Backoff constant(Duration delay) {
        return new Constant(notNegative(delay, "delay"));
    }

    /** {@code min(max, initial * 2^(attempt-1))}, without randomness. */
    public static Backoff exponential(Duration initial, Duration max) {
        return exponential(initial, max, DEFAULT_MULTIPLIER);
    }

    /** {@code min(max, initial * multiplier^(attempt-1))}, without randomness. */
    public static Backoff exponential(Duration initial, Duration max, double multiplier) {
        return new Exponential(initial, max, multiplier, null, Jitter.NONE);
    }

    /** Uniformly random in {@code [0, exponential(attempt))}, with doubling and {@link #DEFAULT_RANDOM}. */
    public static Backoff fullJitter(Duration initial, Duration max) {
        return fullJitter(initial, max, DEFAULT_MULTIPLIER, DEFAULT_RANDOM);
    }

    /** Uniformly random in {@code [0, exponential(attempt))}: {@code bound * random}. */
    public static Backoff fullJitter(Duration initial, Duration max, double multiplier, DoubleSupplier random) {
        return new Exponential(initial, max, multiplier, Objects.requireNonNull(random, "random"), Jitter.FULL);
    }

    /** {@code bound / 2 + bound / 2 * random} over the doubling bound, with {@link #DEFAULT_RANDOM}. */
    public static Backoff equalJitter(Duration initial, Duration max) {
        return equalJitter(initial, max, DEFAULT_MULTIPLIER, DEFAULT_RANDOM);
    }

    /** {@code bound / 2 + bound / 2 * random}: never less than half the exponential bound. */
    public static Backoff equalJitter(Duration initial, Duration max, double multiplier, DoubleSupplier random) {
        return new Exponential(initial, max, multiplier, Objects.requireNonNull(random, "random"), Jitter.EQUAL);
    }

    /** Decorrelated jitter with {@link #DEFAULT_RANDOM}. */
    public static Backoff decorrelatedJitter(Duration initial, Duration max) {
        return decorrelatedJitter(initial, max, DEFAULT_RANDOM);
    }

    /**
     * Decorrelated jitter: attempt 1 waits {@code initial}; each later one waits
     * {@code min(max, initial + random * (3 * previous - initial))}. Take a {@link #sequence()} per run of attempts;
     * this instance itself starts over at every attempt 1.
     */
    public static Backoff decorrelatedJitter(Duration initial, Duration max, DoubleSupplier random) {
        return new Decorrelated(initial, max, Objects.requireNonNull(random, "random"));
    }

    private static Duration notNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }

    private static void checkRange(Duration initial, Duration max) {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isZero() || initial.isNegative()) {
            throw new IllegalArgumentException("initial must be positive: " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max " + max + " is below initial " + initial);
        }
    }

    /** A random value kept within {@code [0, 1)}, so a faulty source can never exceed the cap. */
    private static double uniform(DoubleSupplier random) {
        double value = random.getAsDouble();
        return value >= 0 && value < 1 ? value : value >= 1 ? Math.nextDown(1.0) : 0;
    }

    private static final class Constant extends Backoff {
        private final Duration delay;

        Constant(Duration delay) {
            this.delay = delay;
        }

        @Override
        public Duration delay(int attempt) {
            return delay;
        }

        @Override
        public String toString() {
            return "Backoff.constant(" + delay + ")";
        }
    }

    private enum Jitter { NONE, FULL, EQUAL }

    private static final class Exponential extends Backoff {
        private final Duration initial;
        private final Duration max;
        private final double multiplier;
        private final DoubleSupplier random;
        private final Jitter jitter;

        Exponential(Duration initial, Duration max, double multiplier, DoubleSupplier random, Jitter jitter) {
            checkRange(initial, max);
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multiplier must be at least 1: " + multiplier);
            }
            this.initial = initial;
            this.max = max;
            this.multiplier = multiplier;
            this.random = random;
            this.jitter = jitter;
        }

        @Override
        public Duration delay(int attempt) {
            double bound = Math.min(initial.toNanos() * Math.pow(multiplier, Math.max(0, attempt - 1)),
                    (double) max.toNanos());
            double nanos = switch (jitter) {
                case NONE -> bound;
                case FULL -> bound * uniform(random);
                case EQUAL -> bound / 2 + bound / 2 * uniform(random);
            };
            return Duration.ofNanos((long) nanos);
        }

        @Override
        public String toString() {
            String name = switch (jitter) {
                case NONE -> "exponential";
                case FULL -> "fullJitter";
                case EQUAL -> "equalJitter";
            };
            return "Backoff." + name + "(" + initial + ", " + max + ", x" + multiplier + ")";
        }
    }

    private static final class Decorrelated extends Backoff {
        private final Duration initial;
        private final Duration max;
        private final DoubleSupplier random;
        private long previousNanos;

        Decorrelated(Duration initial, Duration max, DoubleSupplier random) {
            checkRange(initial, max);
            this.initial = initial;
            this.max = max;
            this.random = random;
        }

        @Override
        public synchronized Duration delay(int attempt) {
            long base = initial.toNanos();
            if (attempt <= 1 || previousNanos == 0) {
                previousNanos = base;
                return initial;
            }
            double upper = Math.max(base, 3.0 * previousNanos);
            long next = (long) Math.min(max.toNanos(), base + uniform(random) * (upper - base));
            previousNanos = next;
            return Duration.ofNanos(next);
        }

        @Override
        public Backoff sequence() {
            return new Decorrelated(initial, max, random);
        }

        @Override
        public String toString() {
            return "Backoff.decorrelatedJitter(" + initial + ", " + max + ")";
        }
    }
}
