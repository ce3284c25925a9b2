package io.flowbill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only {@code serve} starts a web server; the one-shot commands keep application.yml's {@code none}. */
class ServeCommandLineTest {

    @Test
    void serveRunsAsAServletApplication() {
        assertThat(FlowbillCli.springArgs(parse("serve", "--server.port=9090")))
                .containsExactly("--server.port=9090", "--spring.main.web-application-type=servlet");
    }

    @Test
    void oneShotCommandsStartNoWebServer() {
        assertThat(FlowbillCli.springArgs(parse("nightly", "--flowbill.metering.tenant=t1")))
                .containsExactly("--flowbill.metering.tenant=t1");
        assertThat(FlowbillCli.springArgs(parse("meter", "--from", "2026-11-25T00:00:00Z"))).isEmpty();
    }

    @Test
    void aWebTypeGivenOnTheCommandLineIsNotRepeated() {
        assertThat(FlowbillCli.springArgs(parse("serve", "--spring.main.web-application-type=servlet")))
                .containsExactly("--spring.main.web-application-type=servlet");
    }

    @Test
    void helpListsServe() {
        assertThat(CommandCatalog.help()).contains("serve        Run until stopped");
        assertThat(CommandCatalog.find("serve")).hasValueSatisfying(spec -> assertThat(spec.options()).isEmpty());
    }

    private static CommandArgs parse(String... words) {
        return CommandArgs.parse(words, CommandCatalog.DEFAULT_COMMAND);
    }
}
