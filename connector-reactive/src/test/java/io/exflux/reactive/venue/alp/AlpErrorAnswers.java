package io.exflux.reactive.venue.alp;

import io.exflux.api.error.ExchangeException;
import io.exflux.reactive.internal.http.RestRequest;
import io.exflux.reactive.internal.http.RestResponse;
import io.exflux.reactive.venue.alp.internal.AlpErrors;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs an ALP error answer through ALP's error table, as the REST client does. */
final class AlpErrorAnswers {

    private AlpErrorAnswers() {
    }

    /** The typed error ALP's table makes of this status and body answering {@code GET /trades}. */
    static ExchangeException map(int status, String body) {
        return AlpErrors.table().toError(RestRequest.get("/trades").build(),
                new RestResponse(status, Map.of(), body.getBytes(StandardCharsets.UTF_8))).orElseThrow();
    }
}
