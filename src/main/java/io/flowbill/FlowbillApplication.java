package io.flowbill;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * flowbill's Spring application: the beans of every package below. The process starts at the command line
 * ({@code cli/FlowbillCli}), which starts this application for the commands that need it; this package uses none
 * of the others.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FlowbillApplication {
}
