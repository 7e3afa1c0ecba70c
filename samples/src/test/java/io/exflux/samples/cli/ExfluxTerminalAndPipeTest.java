package io.exflux.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.samples.cli.render.ScreenSize;
import io.exflux.samples.cli.venue.AlpConnector;
import io.exflux.samples.cli.venue.VenueRegistry;
import io.exflux.testkit.alp.AlpSimulatorOptions;
import io.exflux.testkit.sim.GeneratorSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The board on terminals of different sizes (every line of every frame checked against the width, every
 * frame against the height), a resize during the run, and a pipe whose reader goes away, against the
 * ALP simulator through the real client.
 */
class ExfluxTerminalAndPipeTest {

    private static final AlpSimulatorOptions LIVELY = AlpSimulatorOptions.builder()
            .generator(GeneratorSettings.defaults().withStepInterval(Duration.ofMillis(20)))
            .build();
    private static final String ANSI = "\u001b\\[[0-9;?]*[A-Za-z]";

    private final VenueRegistry venues = new VenueRegistry(List.of(new AlpConnector(LIVELY, b -> b)));

    @Test
    void at80x24EveryFrameFitsWithFewerLevelsAndTheTapeBeside() {
        List<List<String>> frames = board(new ScreenSize(80, 24), "--depth", "10");

        assertThat(frames).hasSizeGreaterThan(3).allSatisfy(frame -> fits(frame, 80, 24));
        List<String> last = frames.get(frames.size() - 1);
        assertThat(last.get(0)).startsWith("alp  BTC/USDT  simulator");
        assertThat(last).anySatisfy(l -> assertThat(l).contains("TRADES (newest first)"));
        assertThat(askRows(last)).as("levels a side: (24 rows - 6) / 2").isEqualTo(9);
        assertThat(bidRows(last)).isEqualTo(9);
    }

    @Test
    void at200x60AllAskedLevelsShow() {
        List<List<String>> frames = board(new ScreenSize(200, 60), "--depth", "20");

        assertThat(frames).hasSizeGreaterThan(3).allSatisfy(frame -> fits(frame, 200, 60));
        List<String> last = frames.get(frames.size() - 1);
        assertThat(askRows(last)).isEqualTo(20);
        assertThat(bidRows(last)).isEqualTo(20);
        assertThat(last).anySatisfy(l -> assertThat(l).contains("TRADES (newest first)"));
    }

    @Test
    void onANarrowShortTerminalTheTapeGoesAndNoLineWraps() {
        List<List<String>> frames = board(new ScreenSize(40, 12), "--depth", "10");

        assertThat(frames).hasSizeGreaterThan(3).allSatisfy(frame -> fits(frame, 40, 12));
        List<String> last = frames.get(frames.size() - 1);
        assertThat(last).noneSatisfy(l -> assertThat(l).contains("TRADES"));
        assertThat(askRows(last)).isEqualTo(3);
    }

    @Test
    void aResizedTerminalGetsAClearedScreenAndFramesThatFitTheNewSize() throws Exception {
        AtomicReference<ScreenSize> size = new AtomicReference<>(new ScreenSize(200, 60));
        CliHarness cli = new CliHarness(venues, Map.of(), true, size::get);

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.run("book", "--duration", "4s",
                "--refresh", "100ms"));
        while (frames(cli.out()).size() < 3) {
            Thread.sleep(20);
        }
        size.set(new ScreenSize(80, 24));

        assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
        String output = cli.out();
        String afterResize = output.substring(output.lastIndexOf("\u001b[2J"));
        assertThat(output.indexOf("\u001b[2J")).as("cleared again on the resize").isLessThan(output.lastIndexOf("\u001b[2J"));
        assertThat(frames(afterResize)).isNotEmpty().allSatisfy(frame -> fits(frame, 80, 24));
    }

    @Test
    void aClosedPipeEndsFollowQuietlyWithExit0() throws Exception {
        CliHarness cli = new CliHarness(venues, Map.of(), false).pipeClosesAfter(200);

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> cli.run("trades", "--limit", "1", "--follow"));

        assertThat(exit.get(30, TimeUnit.SECONDS)).as("ends by itself, no --duration, no Ctrl-C").isZero();
        assertThat(cli.err().lines()).as("nothing but the simulator notice")
                .allSatisfy(l -> assertThat(l).contains("embedded ALP simulator"));
        assertThat(cli.out()).startsWith("trade ");
        assertThat(cli.hasHook()).isFalse();
    }

    private List<List<String>> board(ScreenSize size, String... options) {
        CliHarness cli = new CliHarness(venues, Map.of(), true, () -> size);
        String[] args = concat(new String[] {"book", "--duration", "3s", "--refresh", "100ms"}, options);

        assertThat(cli.run(args)).isZero();
        return frames(cli.out());
    }

    /** The frames drawn: the text between cursor-home sequences, colours and clears removed. */
    private static List<List<String>> frames(String output) {
        String[] parts = output.split("\u001b\\[H", -1);
        return Arrays.stream(parts, 1, parts.length)
                .map(part -> part.replaceAll(ANSI, ""))
                .map(text -> text.endsWith("\n") ? text.substring(0, text.length() - 1) : text)
                .map(text -> List.of(text.split("\n", -1)))
                .toList();
    }

    private static void fits(List<String> frame, int columns, int rows) {
        assertThat(frame).as("lines in a frame").hasSizeLessThanOrEqualTo(rows);
        assertThat(frame).allSatisfy(line -> assertThat(line.length()).as("width of '%s'", line)
                .isLessThanOrEqualTo(columns));
    }

    private static long askRows(List<String> frame) {
        return frame.stream().filter(l -> l.matches("\\s*[0-9]+\\.[0-9]{8}\\s+[0-9]+\\.[0-9]{2}(\\s.*)?")).count();
    }

    private static long bidRows(List<String> frame) {
        return frame.stream().filter(l -> l.matches("\\s{10,}[0-9]+\\.[0-9]{2}\\s+[0-9]+\\.[0-9]{8}(\\s.*)?")).count();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
