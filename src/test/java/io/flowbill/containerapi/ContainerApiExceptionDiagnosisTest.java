package io.flowbill.containerapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.flowbill.system.Diagnosable;

/** Refused credentials name the settings of the account at fault: its entry of flowbill.accounts, or flowbill.api. */
class ContainerApiExceptionDiagnosisTest {

    private static final ContainerApiException UNAUTHORIZED = new ContainerApiException("list", null, 401, 4010001,
            "Unauthorized", 1, false, "token refused", null);

    @Test
    void withSeveralAccountsTheLineNamesTheAccountsSecretFiles() {
        Map<String, String> settings = Map.of(Diagnosable.ACCOUNT, "flowbill.accounts[1]",
                "flowbill.accounts[1].base-url", "https://b.example", "flowbill.api.base-url", "https://a.example");

        assertThat(UNAUTHORIZED.diagnosis(null, settings::get)).contains("container API: https://b.example refused"
                + " the credentials (HTTP 401, 'Unauthorized'); check flowbill.accounts[1].token-file, or"
                + " flowbill.accounts[1].app-key-file with flowbill.accounts[1].app-secret-file");
    }

    @Test
    void theSingleAccountNamesTheApiSettings() {
        Map<String, String> settings = Map.of("flowbill.api.base-url", "https://a.example");

        assertThat(UNAUTHORIZED.diagnosis(null, settings::get)).contains("container API: https://a.example refused"
                + " the credentials (HTTP 401, 'Unauthorized'); check flowbill.api.token or flowbill.api.token-file,"
                + " or flowbill.api.app-key with flowbill.api.app-secret");
    }
}
