package io.flowbill.system;

/**
 * flowbill refuses to start with this configuration; the message names the setting to add or fix. The command line
 * exits 2, like a wrong command line: nothing ran.
 */
public class ConfigurationRefused extends RuntimeException {

    public ConfigurationRefused(String message) {
        super(message);
    }

    public ConfigurationRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
