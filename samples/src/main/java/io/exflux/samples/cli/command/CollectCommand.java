package io.exflux.samples.cli.command;

import io.exflux.api.model.CurrencyPair;
import io.exflux.kafka.CollectorOptions;
import io.exflux.kafka.KafkaPublisher;
import io.exflux.kafka.KafkaPublisherOptions;
import io.exflux.kafka.MarketDataCollector;
import io.exflux.kafka.StreamKey;
import io.exflux.samples.cli.CliContext;
import io.exflux.samples.cli.ExitCodes;
import io.exflux.samples.cli.venue.VenueSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Flux;

/**
 * {@code exflux collect}: publishes the venue's trades, books and tickers to Kafka as one collector of a
 * group; start the same command on several machines with the same {@code --group} and the pairs are shared
 * among them (see {@code docs/scale-out.md}). Prints the pairs it collects whenever they change, and the
 * publisher's counters every few seconds.
 */
@Command(name = "collect", mixinStandardHelpOptions = true, versionProvider = io.exflux.samples.cli.ExfluxCommand.Version.class,
        description = "Publish market data to Kafka, sharing the pairs with the other collectors of the group.")
public final class CollectCommand extends VenueCommand {

    @Option(names = "--kafka", required = true, paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers, for example localhost:9092 (several: a,b,c).")
    String kafka;

    @Option(names = "--pairs", required = true, split = ",", converter = Parsing.PairConverter.class,
            description = "Markets to share among the group, for example BTC_USDT,ETH_USDT.")
    List<CurrencyPair> pairs;

    @Option(names = "--group", defaultValue = "exflux-collectors",
            description = "Consumer group of the collectors (default: ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--topic-prefix", defaultValue = "exflux", description = "Topic prefix (default: ${DEFAULT-VALUE}).")
    String topicPrefix;

    @Option(names = "--duration", converter = Parsing.DurationConverter.class,
            description = "Stop after this long, for example 30s (default: until Ctrl-C).")
    Duration duration;

    @Option(names = "--stats-every", defaultValue = "5s", converter = Parsing.DurationConverter.class,
            description = "How often the publisher's counters are printed (default: ${DEFAULT-VALUE}).")
    Duration statsEvery;

    @Override
    public Integer call() {
        CliContext context = context();
        KafkaPublisherOptions publisherOptions;
        CollectorOptions options;
        try {
            publisherOptions = KafkaPublisherOptions.builder(kafka).topicPrefix(topicPrefix).build();
            String venue = venueOptions.venue();
            options = CollectorOptions.builder(group, pairs.stream().map(p -> StreamKey.of(venue, p)).toList()).build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        VenueSession session = openSession(false);
        KafkaPublisher publisher = KafkaPublisher.create(publisherOptions, "cli-" + UUID.randomUUID().toString().substring(0, 8));
        MarketDataCollector collector = MarketDataCollector.start(Map.of(venueOptions.venue(), session.client()),
                publisher, options, kafka);
        Flux<String> owned = collector.ownership().map(keys -> "collecting " + (keys.isEmpty() ? "nothing"
                : new TreeSet<>(keys).stream().map(StreamKey::recordKey).collect(Collectors.joining(","))));
        Flux<String> stats = Flux.interval(statsEvery, context.timer()).map(tick -> "kafka " + publisher.stats());
        Flux<String> output = Flux.merge(owned, stats).doOnNext(context.out()::println);
        boolean interrupted = LiveRun.run(context, () -> {
            collector.close();
            publisher.close();
            session.close();
        }, output, duration);
        return interrupted ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }
}
