package io.flowbill.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the project version, filtered into {@code version.properties} by the build. */
final class ProjectVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] { "flowbill " + version() };
    }

    static String version() {
        try (InputStream in = ProjectVersion.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
