package io.exflux.samples.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.exflux.api.model.OrderBook;
import io.exflux.api.model.Ticker;
import io.exflux.api.model.Trade;
import io.exflux.samples.cli.render.SampleJson;
import io.exflux.samples.cli.CliException;
import io.exflux.samples.cli.ExfluxCommand;
import io.exflux.samples.cli.ExitCodes;
import io.exflux.samples.cli.render.BookView;
import io.exflux.samples.cli.render.MarketScale;
import io.exflux.samples.cli.render.JsonRecords;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Mono;

/**
 * {@code exflux replay}: plays back a file written by {@code exflux record}, as the same plain lines
 * {@code book} prints, at the recorded pace (scaled by {@code --speed}) or as fast as possible. Needs no
 * venue: it reads the file only.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = io.exflux.samples.cli.ExfluxCommand.Version.class,
        description = "Play back an NDJSON file written by 'record', at recorded pace or --fast.")
public final class ReplayCommand implements Callable<Integer> {

    @ParentCommand
    ExfluxCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The NDJSON file written by 'exflux record -o FILE'.")
    Path file;

    @Option(names = "--speed", defaultValue = "1", description = "Playback speed: 2 is twice as fast (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--fast", description = "No pauses: print everything at once.")
    boolean fast;

    @Override
    public Integer call() throws IOException {
        if (!(speed > 0)) {
            throw new ParameterException(spec.commandLine(), "--speed must be positive: " + speed);
        }
        long count = 0;
        Instant previous = null;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode event = parse(line, number);
                Instant at = Instant.parse(event.get("receivedAt").asText());
                if (!fast && previous != null && at.isAfter(previous)) {
                    Duration pause = Duration.ofMillis((long) (Duration.between(previous, at).toMillis() / speed));
                    Mono.delay(pause, parent.context().timer()).block();
                }
                previous = at;
                parent.context().out().println(readable(event, number));
                count++;
            }
        }
        parent.context().out().flush();
        parent.context().err().println("exflux: replayed " + count + " events from " + file);
        return ExitCodes.OK;
    }

    private JsonNode parse(String line, long number) {
        try {
            JsonNode event = SampleJson.mapper().readTree(line);
            if (event.get("type") == null || event.get("receivedAt") == null || event.get("data") == null) {
                throw new IOException("missing type, receivedAt or data");
            }
            return event;
        } catch (IOException e) {
            throw new CliException(ExitCodes.INVALID_REQUEST, file + " line " + number
                    + " is not an 'exflux record' event: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The event's line; an event whose data does not read back is a one-line error naming the line. */
    private String readable(JsonNode event, long number) {
        try {
            return render(event, number);
        } catch (CliException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CliException(ExitCodes.INVALID_REQUEST, file + " line " + number + " has a "
                    + event.get("type").asText() + " event that does not read back ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private String render(JsonNode event, long number) {
        JsonNode data = event.get("data");
        switch (event.get("type").asText()) {
            case "trade": {
                Trade trade = JsonRecords.readTrade(data);
                return BookView.plain("replay", trade.pair(), MarketScale.AS_IS).tradeSummary(trade);
            }
            case "book": {
                OrderBook book = JsonRecords.readBook(data);
                return BookView.plain("replay", book.pair(), MarketScale.AS_IS).bookSummary(book);
            }
            case "ticker": {
                Ticker t = JsonRecords.readTicker(data);
                return BookView.plain("replay", t.pair(), MarketScale.AS_IS).tickerSummary(t);
            }
            default:
                throw new CliException(ExitCodes.INVALID_REQUEST, file + " line " + number + " has an unknown event type '"
                        + event.get("type").asText() + "'");
        }
    }
}
