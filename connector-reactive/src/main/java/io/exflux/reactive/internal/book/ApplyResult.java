package io.exflux.reactive.internal.book;

import io.exflux.api.error.ProtocolException;
import java.util.Objects;

/**
 * What {@link OrderBookEngine} did with one input. {@link Status#APPLIED} and {@link Status#BUFFERED}
 * are shared constants, so the update path allocates nothing for them.
 *
 * @param status what happened
 * @param reason why a snapshot is needed; {@code null} unless {@link Status#NEEDS_SNAPSHOT}
 * @param detail a human-readable explanation, or {@code null}
 * @param error  the typed error behind a rejected or unreadable update, or {@code null}
 */
public record ApplyResult(Status status, ResyncReason reason, String detail, ProtocolException error) {

    /** The outcome of one input. */
    public enum Status {
        /** The book changed (or was replaced) and is consistent. */
        APPLIED,
        /** The engine waits for a snapshot; the update was kept to replay after it. */
        BUFFERED,
        /** The update was not meant for this book (another pair) and was not applied; the book is intact. */
        REJECTED,
        /** The book was dropped; the owner must fetch a snapshot. Later updates are buffered meanwhile. */
        NEEDS_SNAPSHOT
    }

    /** The shared result of an applied update. */
    public static final ApplyResult APPLIED = new ApplyResult(Status.APPLIED, null, null, null);

    /** The shared result of a buffered update. */
    public static final ApplyResult BUFFERED = new ApplyResult(Status.BUFFERED, null, null, null);

    public ApplyResult {
        Objects.requireNonNull(status, "status");
        if ((status == Status.NEEDS_SNAPSHOT) != (reason != null)) {
            throw new IllegalArgumentException("a reason goes with NEEDS_SNAPSHOT and only with it");
        }
    }

    static ApplyResult needsSnapshot(ResyncReason reason, String detail, ProtocolException error) {
        return new ApplyResult(Status.NEEDS_SNAPSHOT, reason, detail, error);
    }

    static ApplyResult rejected(ProtocolException error) {
        return new ApplyResult(Status.REJECTED, null, error.getMessage(), error);
    }

    /** True when the owner must fetch a new snapshot. */
    public boolean needsSnapshot() {
        return status == Status.NEEDS_SNAPSHOT;
    }
}
