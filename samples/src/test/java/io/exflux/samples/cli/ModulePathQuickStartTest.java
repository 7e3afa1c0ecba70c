package io.exflux.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start on the module path, as a user of JPMS runs it: {@code java -p <modules> -m
 * io.exflux.samples/...}. Only the class path was ever tested before, and on the module path the
 * connectors failed with {@code NoClassDefFoundError} for reactor-netty's HTTP/2 and DNS classes (an
 * automatic module cannot pull its own dependencies into the module graph).
 */
class ModulePathQuickStartTest {

    @Test
    void theQuickStartRunsOnTheModulePath() throws IOException, InterruptedException {
        Path modules = Path.of("target", "modules");
        Path classes = Path.of("target", "classes");
        assertThat(modules).as("copied by maven-dependency-plugin at generate-test-resources").isDirectory();
        Path output = Files.createTempFile("exflux-module-path", ".txt");
        Process process = new ProcessBuilder(javaBinary(), "-p", modules + java.io.File.pathSeparator + classes,
                "-m", "io.exflux.samples/io.exflux.samples.cli.ExfluxMain",
                "book", "--venue", "alp", "--pair", "BTC_USDT", "--duration", "3s")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        boolean ended = process.waitFor(90, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        Files.delete(output);
        assertThat(ended).as("the quick start ended by itself; output:%n%s", String.join("\n", lines)).isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", String.join("\n", lines)).isZero();
        assertThat(lines).as("a book line and a trade line")
                .anyMatch(line -> line.startsWith("book "))
                .anyMatch(line -> line.startsWith("trade "));
        assertThat(lines).noneMatch(line -> line.contains("NoClassDefFoundError") || line.contains("Exception"));
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
