/**
 * exflux on Kafka: collectors that publish normalized market data and share the venue x pair set over a
 * consumer group, and the consumer side that rebuilds trades, books and tickers as {@code Flux}es.
 * Built on {@code kafka-clients} directly; see {@code docs/scale-out.md}.
 */
module io.exflux.kafka {
    requires transitive io.exflux.reactive;
    requires transitive kafka.clients;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;

    exports io.exflux.kafka;
}
