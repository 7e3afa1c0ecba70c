package io.exflux.reactive.internal.http;

import java.io.IOException;

/**
 * An answer whose body the connection's close ended inside its JSON: the connection was lost during the answer, a
 * transport failure like a reset (the request may have been processed), not a venue answer we cannot read.
 */
final class AnswerCutShort extends IOException {

    private static final long serialVersionUID = 1L;

    AnswerCutShort(int status, int bytes) {
        super("the connection closed " + bytes + " bytes into the JSON body of a " + status
                + " answer that had no Content-Length");
    }
}
