/** The exchange-neutral vocabulary of exflux: value types, client interfaces, errors, capabilities. */
module io.exflux.api {
    requires transitive reactor.core;
    requires transitive org.reactivestreams;

    exports io.exflux.api;
    exports io.exflux.api.config;
    exports io.exflux.api.error;
    exports io.exflux.api.model;
    exports io.exflux.api.stream;
}
