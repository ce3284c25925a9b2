package io.flowbill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SandboxMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpPrintsUsageAndExitsZero() {
        int code = run(false, "--help");

        assertThat(code).isZero();
        assertThat(text(out)).contains("Usage: flowbill sandbox", "--latency-ms", "--flow-format=MB|MIXED", "--fleet-anchor=INSTANT",
                "--images=FILE");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--port|abc|--port",
        "--port|70000|--port",
        "--containers|-1|--containers",
        "--flow-format|XML|--flow-format",
        "--time-unit|HOURS|--time-unit",
        "--server-error-rate|2|--server-error-rate",
        "--threads|0|--threads",
        "--requests-per-second|-1|--requests-per-second",
        "--over-limit-answer|418|--over-limit-answer",
        "--bogus|1|--bogus"})
    void badOptionExitsTwoNamingTheOption(String option, String value, String named) {
        int code = run(false, option, value);

        assertThat(code).isEqualTo(2);
        assertThat(text(err)).contains(named);
    }

    @Test
    void optionWithoutValueExitsTwo() {
        assertThat(run(false, "--seed")).isEqualTo(2);
        assertThat(text(err)).startsWith("flowbill sandbox: ").contains("--seed");
    }

    @Test
    void optionsBecomeTheConfig() {
        SandboxConfig config = SandboxOptions.parse(new String[] {"--port", "8090", "--containers=12",
            "--seed", "7", "--flow-format", "mixed", "--time-unit", "MILLISECONDS", "--threads", "8",
            "--token-ttl-seconds", "30", "--app-key", "k", "--app-secret", "s", "--token", "t",
            "--latency-ms", "15", "--latency-jitter-ms", "5", "--rate-limit", "300", "--server-error-rate", "0.1",
            "--unavailable-rate", "0.2", "--too-many-requests-rate", "0.3", "--retry-after-seconds", "4",
            "--malformed-flow-rate", "0.05", "--drop-connection-rate", "0.01", "--list-churn", "3"},
                SandboxConfig.defaults());

        assertThat(config.port()).isEqualTo(8090);
        assertThat(config.containers()).isEqualTo(12);
        assertThat(config.seed()).isEqualTo(7);
        assertThat(config.flowFormat()).isEqualTo(FlowFormat.MIXED);
        assertThat(config.timeUnit()).isEqualTo(FlowTimeUnit.MILLISECONDS);
        assertThat(config.threads()).isEqualTo(8);
        assertThat(config.tokenTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.appKey()).isEqualTo("k");
        assertThat(config.appSecret()).isEqualTo("s");
        assertThat(config.staticToken()).isEqualTo("t");
        assertThat(config.faults()).isEqualTo(new FaultConfig(Duration.ofMillis(15), Duration.ofMillis(5), 300, 0.1,
                0.2, 0.3, 4, 0.05, 0.01, 3));
    }

    @Test
    void accountLimitOptionsBecomeTheConfig() {
        SandboxConfig config = SandboxOptions.parse(new String[] {"--token", "t0", "--more-tokens", "t1,t2",
            "--requests-per-second", "100", "--over-limit-answer", "429"}, SandboxConfig.defaults());

        assertThat(config.moreTokens()).containsExactly("t1", "t2");
        assertThat(config.requestLimit()).isEqualTo(new RequestLimit(100, RequestLimit.Answer.TOO_MANY_REQUESTS));
        assertThat(SandboxOptions.parse(new String[] {"--requests-per-second", "7"}, SandboxConfig.defaults())
                .requestLimit()).as("the cloud's answer by default")
                .isEqualTo(new RequestLimit(7, RequestLimit.Answer.FREQ_OUT_OF_LIMIT));
    }

    @Test
    void aMoreTokenEqualToTheStaticTokenIsRefused() {
        assertThatThrownBy(() -> SandboxOptions.parse(new String[] {"--token", "t", "--more-tokens", "u,t"},
                SandboxConfig.defaults())).hasMessageContaining("--more-tokens");
    }

    @Test
    void appKeyWithoutSecretIsRefused() {
        assertThatThrownBy(() -> SandboxOptions.parse(new String[] {"--app-key", "k"}, SandboxConfig.defaults()))
                .hasMessageContaining("--app-secret");
    }

    @Test
    void startPrintsTheUrlTheStaticTokenAndTheCredentials() {
        int code = run(false, "--port", "0", "--containers", "5", "--token", "static-t", "--app-key", "the-key",
                "--app-secret", "the-secret");

        assertThat(code).isZero();
        assertThat(text(out)).containsPattern("http://127\\.0\\.0\\.1:\\d+/api/v1")
                .contains("static-t", "the-key", "the-secret");
    }

    private int run(boolean block, String... args) {
        return SandboxCommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), block);
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
