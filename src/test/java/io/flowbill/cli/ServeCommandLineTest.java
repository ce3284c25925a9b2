package io.flowbill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Only {@code serve} starts a web server; the one-shot commands keep application.yml's {@code none}. */
class ServeCommandLineTest {

    @Test
    void serveRunsAsAServletApplication() {
        assertThat(SpringLauncher.arguments("serve", List.of("--server.port=9090")))
                .containsExactly("--server.port=9090", "--spring.main.web-application-type=servlet");
    }

    @Test
    void oneShotCommandsStartNoWebServer() {
        assertThat(SpringLauncher.arguments("nightly", List.of("--flowbill.metering.tenant=t1")))
                .containsExactly("--flowbill.metering.tenant=t1");
        assertThat(SpringLauncher.arguments("meter", List.of())).isEmpty();
    }

    @Test
    void aWebTypeGivenOnTheCommandLineIsNotRepeated() {
        assertThat(SpringLauncher.arguments("serve", List.of("--spring.main.web-application-type=servlet")))
                .containsExactly("--spring.main.web-application-type=servlet");
    }

    @Test
    void springPropertiesAnywhereOnTheLineGoToSpring() {
        SpringArguments split = SpringArguments.split(new String[] { "serve", "--server.port=9090" });

        assertThat(split.words()).containsExactly("serve");
        assertThat(split.properties()).containsExactly("--server.port=9090");
    }

    @Test
    void helpListsServe() {
        StringWriter out = new StringWriter();
        assertThat(FlowbillCli.run(new String[] { "--help" }, new PrintWriter(out), new PrintWriter(new StringWriter())))
                .isZero();
        assertThat(out.toString()).containsPattern("serve\\s+Run until stopped");
    }
}
