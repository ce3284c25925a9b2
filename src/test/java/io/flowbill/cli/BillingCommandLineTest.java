package io.flowbill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The billing commands refuse bad input with exit code 2 and a clear message, before anything starts. */
class BillingCommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void makesNightlyTheDefaultCommand() {
        assertThat(run("--date", "2026-13-01")).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err()).startsWith("flowbill nightly: --date '2026-13-01'");
    }

    @Test
    void demoIsAFlagThatTurnsOnTheDemoAndNeverTakesTheCommandAsItsValue() {
        SpringArguments split = SpringArguments.split(new String[] { "--demo", "rate", "--date", "2026-11-25" });

        assertThat(split.words()).containsExactly("rate", "--date", "2026-11-25");
        assertThat(split.properties()).containsExactly("--flowbill.demo=true");
    }

    @Test
    void refusesANightlyDateThatIsNotACalendarDay() {
        assertThat(run("nightly", "--date", "2026-13-01")).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err()).isEqualTo("flowbill nightly: --date '2026-13-01' is not a calendar day; write it like"
                + " 2026-11-25\n");
    }

    @Test
    void refusesABadDateGivenToTheDefaultCommand() {
        assertThat(run("--date", "yesterday")).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err()).contains("--date 'yesterday' is not a calendar day");
    }

    @Test
    void requiresTheDateToRate() {
        assertThat(run("rate")).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err()).contains("--date is required, e.g. --date 2026-11-25");
    }

    @Test
    void refusesAMonthToCloseThatIsNotAMonth() {
        assertThat(run("close", "--month", "2026-13")).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err()).contains("--month '2026-13' is not a month; write it like 2026-11");
        assertThat(run("close")).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err()).contains("--month is required");
    }

    @Test
    void refusesAnOptionNightlyDoesNotKnow() {
        assertThat(run("nightly", "--day", "2026-11-25")).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err()).contains("unknown option --day for 'nightly'; it accepts: --tenant, --date");
    }

    @Test
    void listsTheBillingCommandsInTheHelp() {
        assertThat(run("--help")).isEqualTo(FlowbillCli.EXIT_OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("nightly", "rate", "close", "fleet");
        out.reset();
        assertThat(run("nightly", "--help")).isEqualTo(FlowbillCli.EXIT_OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: flowbill nightly", "--date=YYYY-MM-DD");
    }

    private int run(String... args) {
        err.reset();
        return FlowbillCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
