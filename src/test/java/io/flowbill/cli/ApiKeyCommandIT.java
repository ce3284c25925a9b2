package io.flowbill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.flowbill.system.TestDatabase;

/**
 * {@code api-key create|list|revoke} as a user runs them, in the demo on one database (what {@code serve --demo}
 * reads): the key is printed once, alone on the last line, and nowhere else; the list never shows it.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyCommandIT {

    final TestDatabase.Database database = TestDatabase.fresh();

    record Run(int exit, String out, String err) {

        List<String> lines() {
            return out.lines().toList();
        }
    }

    @Test
    void aKeyIsPrintedOnceOnItsLastLineListedWithoutItAndRevoked(CapturedOutput logs) {
        Run created = run("api-key", "create", "--tenant", "demo", "--role", "admin", "--name", "ci");

        assertThat(created.exit()).as("stderr: %s", created.err()).isZero();
        String key = created.lines().get(created.lines().size() - 1);
        assertThat(key).matches("fb_[a-z0-9]{12}_[A-Za-z0-9_-]{43}");
        String id = key.substring(3, 15);
        assertThat(created.lines().get(0)).contains(id, "'demo'", "admin", "'ci'");

        Run listed = run("api-key", "list");
        assertThat(listed.exit()).isZero();
        assertThat(listed.out()).contains(id, "demo", "admin", "ci").doesNotContain(key.substring(16));
        assertThat(listed.lines().get(1)).as("never used, not revoked").matches(".*\\s-\\s+-");

        Run revoked = run("api-key", "revoke", id);
        assertThat(revoked.exit()).as("stderr: %s", revoked.err()).isZero();
        assertThat(run("api-key", "list").lines().get(1)).matches(".*\\s-\\s+\\d{4}-\\d\\d-\\d\\dT\\S+Z");
        Run again = run("api-key", "revoke", id);
        assertThat(again.exit()).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(again.err()).contains("no API key '" + id + "'");

        assertThat(logs.getAll()).doesNotContain(key.substring(16)).doesNotContainIgnoringCase("security password");
    }

    @Test
    void aTenantThatIsNotConfiguredIsRefused() {
        Run refused = run("api-key", "create", "--tenant", "nobody");

        assertThat(refused.exit()).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(refused.err()).contains("--tenant 'nobody' is not a configured account's tenant", "demo");
        assertThat(refused.out()).doesNotContain("fb_");
    }

    private Run run(String... words) {
        List<String> args = new ArrayList<>(List.of(words));
        args.addAll(List.of("--demo", "--flowbill.sandbox.containers=0", "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = FlowbillCli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }
}
