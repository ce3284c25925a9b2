package io.flowbill;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import io.flowbill.cli.FlowbillCli;

/** flowbill's entry point: the command line decides which job or server runs. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FlowbillApplication {

    public static void main(String[] args) {
        System.exit(FlowbillCli.run(args));
    }
}
