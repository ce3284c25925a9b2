package io.flowbill.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTreeTest {

    @Test
    void readsThePropertyFileOfAConfigTreeImport(@TempDir Path secrets) throws Exception {
        Files.writeString(secrets.resolve("spring.datasource.password"), "s3cret\n");

        assertThat(ConfigTree.read("configtree:" + secrets + "/", "spring.datasource.password")).isEqualTo("s3cret");
        assertThat(ConfigTree.read("optional:configtree:" + secrets + "/", "spring.datasource.password")).isEqualTo("s3cret");
        assertThat(ConfigTree.read("configtree:" + secrets + "/", "flowbill.api.token")).isNull();
        assertThat(ConfigTree.read(null, "spring.datasource.password")).isNull();
    }
}
