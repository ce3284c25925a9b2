package io.flowbill.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code bench --accounts M --workers W --account-rps R}: its defaults, its refusals, and the accounts it makes. */
class AccountsBenchOptionsTest {

    @Test
    void mAccountsAtAHundredRequestsASecondOfAThousandContainersInThisProcessByDefault() {
        AccountsBenchSettings settings = settings("--accounts", "4");

        assertThat(settings.accounts()).isEqualTo(4);
        assertThat(settings.workers()).isZero();
        assertThat(settings.accountRps()).isEqualTo(100);
        assertThat(settings.containers()).isEqualTo(1_000);
        assertThat(settings.idealCallsPerSecond()).isEqualTo(400);
    }

    @Test
    void takesWorkersRateAndSizeAndPassesTheBrokerSettingsOn() {
        BenchCommand command = new BenchCommand(List.of("--spring.rabbitmq.host=mq", "--spring.datasource.url=x"));
        new CommandLine(command).parseArgs("--accounts", "2", "--workers", "4", "--account-rps", "50",
                "--containers", "500");
        AccountsBenchSettings settings = command.accountsSettings();

        assertThat(settings.workers()).isEqualTo(4);
        assertThat(settings.accountRps()).isEqualTo(50);
        assertThat(settings.containers()).isEqualTo(500);
        assertThat(settings.idealCallsPerSecond()).isEqualTo(100);
        assertThat(settings.rabbitProperties()).containsExactly("--spring.rabbitmq.host=mq");
    }

    @Test
    void refusesWhatCannotBeMeasured() {
        assertThatThrownBy(() -> settings("--workers", "2")).hasMessageContaining("--accounts");
        assertThatThrownBy(() -> settings("--accounts", "0")).hasMessageContaining("--accounts must be between 1");
        assertThatThrownBy(() -> settings("--accounts", "2", "--workers", "-1")).hasMessageContaining("--workers");
        assertThatThrownBy(() -> settings("--accounts", "2", "--account-rps", "0"))
                .hasMessageContaining("--account-rps");
        assertThatThrownBy(() -> settings("--accounts", "2", "--containers", "10,20"))
                .hasMessageContaining("--containers is one size");
    }

    @Test
    void eachAccountIsATokenOfTheSandboxInAFileOnlyItsOwnerReads(@TempDir Path folder) throws Exception {
        AccountFiles files = AccountFiles.create(3, folder);

        List<String> options = files.sandboxOptions(100);
        assertThat(options).containsSubsequence("--requests-per-second", "100");
        String more = options.get(options.indexOf("--more-tokens") + 1);
        assertThat(more.split(",")).hasSize(2).doesNotContain(files.firstToken());

        Map<String, Object> properties = files.properties("http://127.0.0.1:9", 100, 64);
        assertThat(properties).containsEntry("flowbill.accounts[2].tenant", "account-2")
                .containsEntry("flowbill.accounts[0].requests-per-second", 100)
                .containsEntry("flowbill.accounts-in-parallel", 3);
        Path first = Path.of((String) properties.get("flowbill.accounts[0].token-file"));
        assertThat(Files.readString(first).strip()).isEqualTo(files.firstToken());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first))).isEqualTo("rw-------");
    }

    private static AccountsBenchSettings settings(String... args) {
        BenchCommand command = new BenchCommand(List.of());
        new CommandLine(command).parseArgs(args);
        return command.accountsSettings();
    }
}
