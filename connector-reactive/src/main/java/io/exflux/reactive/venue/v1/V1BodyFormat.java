package io.exflux.reactive.venue.v1;

/**
 * How POST parameters are sent. The signature is over the sorted urlencoded parameters either way: bitexbit
 * "accepts urlencoded form or json", BTC-Alpha documents the form only.
 */
public enum V1BodyFormat {
    /** {@code application/x-www-form-urlencoded}, the sorted parameters: the bytes sent are the bytes signed. */
    FORM,
    /** {@code application/json}, an object of the same parameters as strings, in sorted order. */
    JSON
}
