package io.exflux.reactive.venue.btse.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** {@code GET /api/v3.2/time}: {@code iso} with milliseconds, {@code epoch} in whole seconds. */
public record BtseServerTime(@JsonProperty("iso") String iso, @JsonProperty("epoch") Long epoch) {

    /** The venue's time: {@code iso} (it keeps the milliseconds) when present, else {@code epoch}. */
    public Instant instant() {
        if (iso != null && !iso.isBlank()) {
            return Instant.parse(iso.trim());
        }
        return epoch == null ? null : Instant.ofEpochSecond(epoch);
    }
}
