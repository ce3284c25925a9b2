package io.flowbill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The command tree: help, version, completion and refusals, all answered without starting Spring. */
class FlowbillCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @ParameterizedTest
    @ValueSource(strings = { "nightly", "meter", "rate", "close", "fleet", "export", "price-book", "serve", "worker",
            "webhooks", "sandbox", "bench", "generate-completion" })
    void everyCommandHasItsHelp(String command) {
        assertThat(run(command, "--help")).as("exit of %s --help", command).isZero();
        assertThat(out.toString()).as("help of %s", command).contains("Usage: flowbill " + command);
    }

    @Test
    void priceBookCheckHasItsHelp() {
        assertThat(run("price-book", "check", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: flowbill price-book check", "FILE");
    }

    @Test
    void helpListsEveryCommandInOrder() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).containsSubsequence("nightly", "meter", "rate", "close", "fleet", "export",
                "price-book", "serve", "worker", "sandbox", "bench", "generate-completion");
    }

    @Test
    void optionsAreListedInTheOrderTheyAreDeclared() {
        assertThat(run("meter", "--help")).isZero();
        assertThat(out.toString()).containsSubsequence("--from", "--to", "--refresh");
    }

    @Test
    void versionPrintsTheProjectVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("flowbill ").doesNotContain("unknown");
        assertThat(out.toString().trim()).isEqualTo("flowbill " + ProjectVersion.version());
        assertThat(ProjectVersion.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void unknownOptionIsRefusedWithExitTwoNamingWhatTheCommandAccepts() {
        assertThat(run("meter", "--form", "2026-11-25T00:00:00Z")).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err.toString()).isEqualTo("flowbill meter: unknown option --form for 'meter'; it accepts: --from,"
                + " --to, --refresh, --tenant (see 'flowbill meter --help')" + System.lineSeparator());
    }

    @Test
    void unknownCommandIsRefusedWithExitTwo() {
        assertThat(run("bill")).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err.toString()).startsWith("flowbill: unknown command 'bill'");
    }

    @Test
    void badDateIsAnsweredWithinASecondWithoutStartingSpring() {
        // no clock: the exact line is the command line's own check (Spring would not get to parse --date)
        int exit = run("rate", "--date", "2026-02-30", "--flowbill.api.base-url=http://127.0.0.1:1");

        assertThat(exit).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err.toString()).isEqualTo("flowbill rate: --date '2026-02-30' is not a calendar day; write it like"
                + " 2026-11-25" + System.lineSeparator());
    }

    @Test
    void aDayThatIsNotOverIsRefusedFromTheSettingsAloneWithoutTheDatabase() {
        String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        // no clock: with the database and the API nowhere, a started context would fail with another line and exit 1
        int exit = run("nightly", "--date", yesterday, "--flowbill.metering.lag=2d",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere", "--flowbill.api.base-url=http://127.0.0.1:1");

        assertThat(exit).as("exit of nightly --date %s with a lag of 2 days; stderr: %s", yesterday, err)
                .isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err.toString()).startsWith("flowbill nightly: --date " + yesterday + " is not over yet")
                .contains("+08:00", "the metering lag is 2880 minutes").hasLineCount(1);
    }

    @Test
    void meterRangeOffTheHourIsRefusedBeforeSpringStarts() {
        assertThat(run("meter", "--from", "2026-11-25T00:30:00Z", "--to", "2026-11-26T00:00:00Z"))
                .isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err.toString()).startsWith("flowbill meter: --from must be on a whole hour");
        assertThat(run("meter", "--to", "2026-11-26T00:00:00Z")).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--from is required, e.g. --from 2026-11-25T00:00:00Z");
    }

    @Test
    void sandboxKeepsItsOptionsWhenAValueIsTheWordBench() {
        assertThat(run("sandbox", "--app-key", "bench", "--port", "70000")).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--port must be in [0, 65535], was 70000");
        assertThat(run("sandbox", "--app-key", "bench")).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--app-key and --app-secret go together");
    }

    @Test
    void completionScriptNamesTheCommands() {
        assertThat(run("generate-completion")).isZero();
        assertThat(out.toString()).contains("complete -F", "flowbill").contains(List.of("nightly", "meter", "rate",
                "close", "fleet", "export", "price-book", "serve", "sandbox", "bench"));
    }

    @Test
    void priceBookCheckChecksAPlanAgainstTheBook() {
        assertThat(run("price-book", "check", "src/main/resources/pricing/fengchao.yaml", "--plan",
                "src/test/resources/pricing/demo-plan.yaml")).as("err=%s", err).isZero();
        assertThat(out.toString()).contains("price plan src/test/resources/pricing/demo-plan.yaml: 1 version(s)",
                "demo-2020  effective-from 2020-01-01T00:00+08:00  item-discount-percent [compute=10]");
    }

    @Test
    void webhooksListAndReplayHaveTheirHelp() {
        assertThat(run("webhooks", "list", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: flowbill webhooks list", "--tenant", "--status");
        assertThat(run("webhooks", "replay", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: flowbill webhooks replay", "ID", "--send");
    }

    @Test
    void webhooksRefusesAStatusThatIsNoneOfADeliverysWithoutStarting() {
        assertThat(run("webhooks", "list", "--status", "lost")).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--status", "lost", "PENDING, DELIVERED, FAILED");
    }

    @Test
    void webhooksWithoutASubcommandSaysWhatToWrite() {
        assertThat(run("webhooks")).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err.toString()).contains("webhooks list", "webhooks replay ID");
    }

    @Test
    void priceBookWithoutCheckSaysWhatToWrite() {
        assertThat(run("price-book")).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err.toString()).contains("price-book check FILE");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return FlowbillCli.run(args, new PrintWriter(out), new PrintWriter(err));
    }
}
