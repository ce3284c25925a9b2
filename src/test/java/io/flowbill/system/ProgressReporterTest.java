package io.flowbill.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.flowbill.sandbox.SandboxClock;

/** Progress figures and time left, driven by a clock that moves only when told. */
class ProgressReporterTest {

    private static final Instant START = Instant.parse("2026-11-25T02:00:00Z");

    private final SandboxClock clock = SandboxClock.fixed(START);
    private final AtomicLong calls = new AtomicLong(500);
    private final List<String> logged = new ArrayList<>();

    @Test
    void figuresAndTimeLeftComeFromTheAverageRateSoFar() {
        // given: 24 windows, 50 containers, 1,200 container-hours to read
        ProgressReporter reporter = reporter(null);

        // when: 300 container-hours of 12 containers in 30 s, with 330 API calls (30 of them retries)
        clock.advance(Duration.ofSeconds(30));
        calls.addAndGet(330);
        reporter.advance(300, 12);

        // then
        Progress progress = reporter.progress();
        assertThat(progress.itemsDone()).as("container-hours done").isEqualTo(300);
        assertThat(progress.containersDone()).as("containers reached").isEqualTo(12);
        assertThat(progress.percent()).as("percent done").isEqualTo(25);
        assertThat(progress.callsPerSecond()).as("calls per second").isEqualTo(11.0);
        assertThat(progress.remaining()).as("time left: 900 hours at 10 per second").contains(Duration.ofSeconds(90));
        assertThat(progress.line()).isEqualTo(
                "24 windows, containers 12/50, container-hours 300/1200 (25%), 11 calls/s, 0:01:30 left");
    }

    @Test
    void aRunWrittenElsewhereLogsTheCountsItPollsWhenALineIsDue() {
        // given: the partitions run by workers, counted in the job repository
        ProgressReporter reporter = reporter(null);
        AtomicLong written = new AtomicLong(600);
        reporter.pollFrom(() -> {
            if (written.get() < 0) {
                throw new IllegalStateException("the job repository did not answer");
            }
            return new ProgressReporter.Done(written.get(), 25);
        });

        // when
        clock.advance(Duration.ofSeconds(10));
        reporter.logIfDue();
        written.set(-1);
        clock.advance(Duration.ofSeconds(10));
        reporter.logIfDue();

        // then: the polled counts, and the last ones again when a poll fails
        assertThat(logged).hasSize(2).allSatisfy(line -> assertThat(line)
                .contains("containers 25/50, container-hours 600/1200 (50%)"));
    }

    @Test
    void timeLeftIsUnknownUntilTheFirstItemAndZeroWhenDone() {
        ProgressReporter reporter = reporter(null);
        clock.advance(Duration.ofSeconds(5));

        assertThat(reporter.progress().remaining()).as("time left before any item").isEmpty();
        assertThat(reporter.progress().line()).endsWith("time left unknown yet");

        reporter.advance(1_200, 50);
        assertThat(reporter.progress().remaining()).as("time left when all is done").contains(Duration.ZERO);
        assertThat(reporter.progress().percent()).isEqualTo(100);
    }

    @Test
    void logsAtTheConfiguredIntervalOnly() {
        ProgressReporter reporter = reporter(null);
        List<Boolean> logs = new ArrayList<>();

        for (int second = 0; second <= 25; second += 5) {
            logs.add(reporter.logIfDue());
            reporter.advance(10, 1);
            clock.advance(Duration.ofSeconds(5));
        }

        assertThat(logs).as("logged at 0, 5, 10, 15, 20, 25 s with a 10 s interval")
                .containsExactly(false, false, true, false, true, false);
        assertThat(logged).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("metering test range: 24 windows"));
        assertThat(logged.get(1)).contains("container-hours 40/1200");
    }

    @Test
    void keepsALiveLineOnATerminalAndClearsItWhenClosed() {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        ProgressReporter reporter = reporter(new PrintStream(terminal, true, StandardCharsets.UTF_8));

        clock.advance(Duration.ofSeconds(2));
        reporter.advance(120, 5);
        String shown = terminal.toString(StandardCharsets.UTF_8);
        reporter.close();
        String cleared = terminal.toString(StandardCharsets.UTF_8).substring(shown.length());

        assertThat(shown).as("live line").startsWith("\rmetering test range: 24 windows, containers 5/50")
                .doesNotContain("\n");
        assertThat(cleared).as("after close").matches("\r +\r");
        assertThat(reporter.logIfDue()).as("a closed reporter logs nothing").isFalse();
    }

    private ProgressReporter reporter(PrintStream live) {
        return new ProgressReporter("metering test range", 24, 50, 1_200, clock, calls::get, Duration.ofSeconds(10),
                logged::add, live);
    }
}
