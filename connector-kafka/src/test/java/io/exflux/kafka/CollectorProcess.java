package io.exflux.kafka;

import io.exflux.api.ExchangeClient;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A collector in a JVM of its own, for the failover test: the test kills this process (no close, no
 * leave-group), as a crash would. Prints {@code OWNED <keys>} on every change of its pairs.
 *
 * <p>Arguments: bootstrap, prefix, group, source, ALP REST URL, ALP websocket URL, BTC-Alpha API root,
 * BTC-Alpha socket URL.
 */
public final class CollectorProcess {

    private CollectorProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        String bootstrap = args[0];
        ExchangeClient alp = Markets.alpClient(args[4], args[5]);
        ExchangeClient v1 = Markets.btcAlphaClient(args[6], args[7]);
        KafkaPublisher publisher = KafkaPublisher.create(KafkaPublisherOptions.builder(bootstrap).topicPrefix(args[1])
                .build(), args[3]);
        MarketDataCollector collector = MarketDataCollector.start(Map.of(Markets.ALP, alp, Markets.BTC_ALPHA, v1),
                publisher, FailoverSettings.options(args[2]), bootstrap);
        collector.ownership().subscribe(owned -> {
            System.out.println("OWNED " + new TreeSet<>(owned).stream().map(StreamKey::recordKey)
                    .collect(Collectors.joining(",")));
            System.out.flush();
        });
        Thread.sleep(Duration.ofMinutes(5).toMillis()); // until killed
    }
}
