package io.flowbill.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DiagnosisFilesTest {

    private static final Map<String, String> SETTINGS = Map.of("flowbill.export.dir", "/srv/flowbill/out");

    @Test
    void aSecretFileThatCannotBeReadIsNotCalledUnwritable() {
        AccessDeniedException denied = new AccessDeniedException("/run/secrets/spring.datasource.password");

        assertThat(Diagnosis.of(new IllegalStateException("binding failed", denied), SETTINGS::get))
                .contains("file system: cannot read or write /run/secrets/spring.datasource.password (permission"
                        + " denied); check the owner and mode of the file and its folders for the user running"
                        + " flowbill");
    }

    @Test
    void aFileUnderTheExportFolderIsAnExportThatCannotBeWritten() {
        AccessDeniedException denied = new AccessDeniedException("/srv/flowbill/out/acme/2026-11/manifest.json");

        assertThat(Diagnosis.of(denied, SETTINGS::get)).hasValueSatisfying(line -> assertThat(line)
                .startsWith("export: cannot write /srv/flowbill/out/acme/2026-11/manifest.json (permission denied)"));
    }
}
