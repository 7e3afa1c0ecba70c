package io.exflux.samples.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The verdict: enforced rows decide it, information rows never do, and a failure names its reasons. */
class SoakReportTest {

    @Test
    void anUnenforcedRowIsShownButNeverFailsTheVerdict() {
        SoakReport report = new SoakReport("header")
                .row("alp", "stream errors", 0, "= 0", true)
                .row("alp", "trades missed", "125 (8.6 %)", "= 0, or each gap announced", false, false);

        assertThat(report.passed()).isTrue();
        assertThat(report.reasons()).isEmpty();
        assertThat(report.rows()).extracting(SoakReport.Row::mark)
                .containsExactly(SoakReport.Mark.PASS, SoakReport.Mark.INFO);
    }

    @Test
    void aFailedRowFailsTheVerdictAndIsPrintedAsItsReason() {
        SoakReport report = new SoakReport("exflux soak: alp")
                .info("alp", "placements", "98: placed 98")
                .row("alp", "trades duplicated", 3, "= 0", false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(report.passed()).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "exflux soak: alp",
                "venue  measure            value          rule  result",
                "alp    placements         98: placed 98  -     info",
                "alp    trades duplicated  3              = 0   fail",
                "verdict: FAIL",
                "  alp: trades duplicated = 3 (rule: = 0)");
    }
}
