package io.exflux.reactive.internal.http;

import io.exflux.api.error.ExchangeException;
import java.util.Optional;

/**
 * Turns a venue's answer into a typed error: the SPI each venue implements (usually by configuring a
 * {@link StandardErrorMapper}). Also sees 2xx answers, because some venues report failures with status 200.
 */
@FunctionalInterface
public interface ErrorMapper {

    /** The error this answer stands for, or empty when it is a success. Never throws. */
    Optional<ExchangeException> toError(RestRequest request, RestResponse response);
}
