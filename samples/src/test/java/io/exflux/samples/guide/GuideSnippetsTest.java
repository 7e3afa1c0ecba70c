package io.exflux.samples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.exflux.api.model.Ticker;
import io.exflux.testkit.alp.AlpSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The guide's Java snippets are the compiled regions of {@link GuideSnippets}: every {@code ```java} block of
 * {@code docs/guide/*.md} follows a {@code <!-- snippet: name -->} line and equals the region {@code name}.
 */
class GuideSnippetsTest {

    private static final Path GUIDE = Path.of("..", "docs", "guide");
    private static final Path SOURCE = Path.of("src", "test", "java", "io", "exflux", "samples", "guide",
            "GuideSnippets.java");
    private static final Pattern BLOCK = Pattern.compile("(?m)^([^\\n]*)\\R```java\\R(.*?)^```$", Pattern.DOTALL);
    private static final Pattern MARKER = Pattern.compile("<!-- snippet: ([a-z-]+) -->");
    private static final Pattern REGION = Pattern.compile(
            "(?m)^[ \\t]*// tag::([a-z-]+)\\[\\]\\R(.*?)^[ \\t]*// end::\\1\\[\\]$", Pattern.DOTALL);

    @Test
    void everyJavaSnippetOfTheGuideIsACompiledRegion() throws IOException {
        Map<String, String> regions = regions(Files.readString(SOURCE));
        Set<String> used = new HashSet<>();
        List<Path> pages;
        try (Stream<Path> files = Files.list(GUIDE)) {
            pages = files.filter(path -> path.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(pages).isNotEmpty();
        int blocks = 0;
        for (Path page : pages) {
            Matcher block = BLOCK.matcher(Files.readString(page));
            while (block.find()) {
                blocks++;
                Matcher marker = MARKER.matcher(block.group(1));
                assertThat(marker.matches()).as("%s: a java block without a snippet marker before it:%n%s", page,
                        block.group(2)).isTrue();
                String name = marker.group(1);
                assertThat(regions).as("%s: region %s in GuideSnippets", page, name).containsKey(name);
                assertThat(block.group(2)).as("%s: snippet %s", page, name).isEqualTo(regions.get(name));
                used.add(name);
            }
        }
        assertThat(blocks).isPositive();
        assertThat(used).as("every region appears in the guide").containsExactlyInAnyOrderElementsOf(regions.keySet());
    }

    @Test
    void theGettingStartedSnippetRunsAgainstTheSimulator() {
        try (AlpSimulator sim = AlpSimulator.start()) {
            Ticker ticker = GuideSnippets.gettingStarted(sim).block(Duration.ofSeconds(20));
            assertThat(ticker).isNotNull();
            assertThat(ticker.pair().toString()).contains("BTC");
        }
    }

    /** Each tagged region, its common indentation removed. */
    private static Map<String, String> regions(String source) {
        Map<String, String> regions = new LinkedHashMap<>();
        Matcher region = REGION.matcher(source);
        while (region.find()) {
            regions.put(region.group(1), dedent(region.group(2)));
        }
        return regions;
    }

    private static String dedent(String text) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int indent = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return out.toString();
    }
}
