package io.flowbill.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowbill.containerapi.ContainerApiProperties;

class AccountsFactoryTest {

    static final URI A = URI.create("http://a.example:8080");
    static final URI B = URI.create("http://b.example:8080");
    static final ContainerApiProperties API = ContainerApiProperties.defaults(URI.create("http://legacy.example"));

    @TempDir
    Path dir;

    @Test
    void legacyKeysMakeTheOneAccountOfTheConfiguredTenant() {
        Accounts accounts = AccountsFactory.of(new AccountsProperties(List.of(), null), API.withToken("t0k"), "acme",
                "plan.yaml");

        assertThat(accounts.tenants()).containsExactly("acme");
        assertThat(accounts.get("acme").api().baseUrl()).isEqualTo(URI.create("http://legacy.example"));
        assertThat(accounts.get("acme").plan()).isEqualTo("plan.yaml");
        assertThat(accounts.inParallel()).isEqualTo(1);
    }

    @Test
    void legacyKeysWithoutCredentialsAreRefusedNamingTheVariablesToSet() {
        assertThatThrownBy(() -> AccountsFactory.of(new AccountsProperties(List.of(), null), API, "acme", null))
                .hasMessage("flowbill.api.base-url is http://legacy.example but no credentials are configured: set"
                        + " FLOWBILL_API_TOKEN, FLOWBILL_API_TOKEN_FILE, or FLOWBILL_API_APP_KEY with FLOWBILL_API_APP_SECRET");
    }

    @Test
    void accountWithATokenFileTakesItsOwnLimitsAndTheDefaultsForTheRest() throws IOException {
        Path token = secret("a.token", "secret-a");

        Accounts accounts = of(new AccountsProperties.Entry("a", A, token, null, null, 7, 3, null, null),
                new AccountsProperties.Entry("b", B, secret("b.token", "secret-b"), null, null, null, null, "b-plan.yaml",
                        null));

        Account a = accounts.get("a");
        assertThat(a.api().baseUrl()).isEqualTo(A);
        assertThat(a.api().tokenFile()).isEqualTo(token);
        assertThat(a.api().token()).isNull();
        assertThat(a.api().requestsPerSecond()).isEqualTo(7);
        assertThat(a.api().maxConcurrency()).isEqualTo(3);
        assertThat(accounts.get("b").api().requestsPerSecond()).isEqualTo(API.requestsPerSecond());
        assertThat(accounts.get("b").plan()).isEqualTo("b-plan.yaml");
        assertThat(accounts.tenants()).containsExactly("a", "b");
        assertThat(accounts.inParallel()).isEqualTo(4);
    }

    @Test
    void accountWithAppKeyAndSecretFilesReadsThemAndNeverShowsTheSecret() throws IOException {
        Account account = of(new AccountsProperties.Entry("a", A, null, secret("key", "key-1\n"),
                secret("secret", "  the-app-secret\n"), null, null, null, null)).get("a");

        assertThat(account.api().appKey()).isEqualTo("key-1");
        assertThat(account.api().appSecret()).isEqualTo("the-app-secret");
        assertThat(account.toString()).doesNotContain("the-app-secret");
        assertThat(of(new AccountsProperties.Entry("a", A, secret("t", "the-token"), null, null, null, null, null, null))
                .toString() + of(new AccountsProperties.Entry("a", A, secret("t", "the-token"), null, null, null, null,
                        null, null)).get("a")).doesNotContain("the-token");
    }

    @Test
    void entryWithoutTenantIsRefusedByItsIndex() {
        assertThatThrownBy(() -> of(entry("a"), new AccountsProperties.Entry(" ", B, token(), null, null, null, null, null, null)))
                .hasMessageStartingWith("flowbill.accounts[1].tenant is not set");
    }

    @Test
    void entryWithoutBaseUrlIsRefusedNamingTheEntry() {
        assertThatThrownBy(() -> of(new AccountsProperties.Entry("a", null, token(), null, null, null, null, null, null)))
                .hasMessageStartingWith("flowbill.accounts[0] (tenant a): base-url is not set");
    }

    @Test
    void entryWithBothOrNeitherCredentialIsRefused() throws IOException {
        Path key = secret("key", "k");
        assertThatThrownBy(() -> of(new AccountsProperties.Entry("a", A, token(), key, secret("s", "s"), null, null, null, null)))
                .hasMessage("flowbill.accounts[0] (tenant a): set token-file, or app-key-file with app-secret-file"
                        + " (secrets are read from files, never written in the configuration)");
        assertThatThrownBy(() -> of(new AccountsProperties.Entry("a", A, null, null, null, null, null, null, null)))
                .hasMessageStartingWith("flowbill.accounts[0] (tenant a): set token-file, or app-key-file");
        assertThatThrownBy(() -> of(new AccountsProperties.Entry("a", A, null, key, null, null, null, null, null)))
                .hasMessage("flowbill.accounts[0] (tenant a): app-key-file and app-secret-file go together");
    }

    @Test
    void unreadableOrEmptySecretFileIsRefusedNamingTheKeyAndFile() throws IOException {
        Path missing = dir.resolve("missing.token");
        Path empty = secret("empty", "  \n");
        assertThatThrownBy(() -> of(new AccountsProperties.Entry("a", A, missing, null, null, null, null, null, null)))
                .hasMessage("flowbill.accounts[0] (tenant a): token-file " + missing + " cannot be read");
        assertThatThrownBy(() -> of(new AccountsProperties.Entry("a", A, empty, null, null, null, null, null, null)))
                .hasMessage("flowbill.accounts[0] (tenant a): token-file " + empty + " is empty");
        assertThatThrownBy(() -> of(new AccountsProperties.Entry("a", A, null, secret("k", "k"), empty, null, null, null, null)))
                .hasMessage("flowbill.accounts[0] (tenant a): app-secret-file " + empty + " is empty");
    }

    @Test
    void entriesOfOneTenantAreOneTenantOverTheirAccounts() throws IOException {
        Accounts accounts = of(entry("a"), named("acme", A, "eu"), entry("b"),
                new AccountsProperties.Entry("acme", B, secret("us.token", "t"), null, null, 5, null, null, "us"));

        assertThat(accounts.tenants()).containsExactly("a", "acme", "b");
        assertThat(accounts.get("acme").apis()).extracting(ApiAccount::name).containsExactly("eu", "us");
        assertThat(accounts.get("acme").api("us").api().baseUrl()).isEqualTo(B);
        assertThat(accounts.get("acme").api("us").api().requestsPerSecond()).isEqualTo(5);
        assertThat(accounts.get("a").apis()).extracting(ApiAccount::name).as("an unnamed account").containsExactly("a");
    }

    @Test
    void sameAccountTwiceInATenantIsRefusedNamingBothEntries() {
        assertThatThrownBy(() -> of(entry("a"), entry("b"), entry("a")))
                .hasMessageStartingWith("flowbill.accounts[2] (tenant a): account 'a' is configured already in"
                        + " flowbill.accounts[0]");
        assertThatThrownBy(() -> of(named("acme", A, "eu"), named("acme", A, "us")))
                .hasMessageStartingWith("flowbill.accounts[1] (tenant acme): the same account as flowbill.accounts[0]"
                        + " (base-url " + A);
    }

    @Test
    void aTenantsSecondEntryNamingAnotherPlanIsRefused() {
        assertThatThrownBy(() -> of(named("acme", A, "eu"),
                new AccountsProperties.Entry("acme", B, token(), null, null, null, null, "other.yaml", "us")))
                .hasMessageStartingWith("flowbill.accounts[1] (tenant acme): plan other.yaml differs from none");
    }

    @Test
    void tenantThatIsNoTenantIdIsRefusedNamingTheEntry() {
        assertThatThrownBy(() -> of(entry("a"), entry("b c")))
                .hasMessageStartingWith("flowbill.accounts[1] (tenant b c): tenant 'b c' is not a tenant id");
    }

    private Accounts of(AccountsProperties.Entry... entries) {
        return AccountsFactory.of(new AccountsProperties(List.of(entries), null), API, "ignored", null);
    }

    private AccountsProperties.Entry entry(String tenant) {
        return new AccountsProperties.Entry(tenant, A, token(), null, null, null, null, null, null);
    }

    private AccountsProperties.Entry named(String tenant, java.net.URI baseUrl, String account) {
        return new AccountsProperties.Entry(tenant, baseUrl, token(), null, null, null, null, null, account);
    }

    private Path token() {
        try {
            return secret("token", "a-token");
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path secret(String name, String value) throws IOException {
        return Files.writeString(dir.resolve(name), value);
    }
}
