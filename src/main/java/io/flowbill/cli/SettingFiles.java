package io.flowbill.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

import io.flowbill.accounts.AccountsProperties;
import io.flowbill.system.DemoMode;
import io.flowbill.webhooks.WebhookProperties;

/**
 * The files the settings name, checked before anything starts: each must be a readable file. The price book and
 * plan, and outside the demo the secret files of the account or of each of {@code flowbill.accounts} (named with
 * its index: {@code flowbill.accounts[1].token-file}), and the signing secret of each webhook endpoint
 * ({@code flowbill.webhooks.endpoints[0].secret-file}). Only existence and access are checked here; what the files
 * hold is checked when they are read.
 */
final class SettingFiles {

    private static final String CLASSPATH = "classpath:";
    private static final String FILE = "file:";

    /** A setting that names a file, and what the file holds (for the advice). */
    private record Named(String key, String holds, String orElse) {
    }

    private SettingFiles() {
    }

    static Optional<String> problem(ConfigurableEnvironment settings) {
        Binder binder = Binder.get(settings);
        for (Named named : named(binder, DemoMode.on(settings))) {
            Optional<String> value = SettingValues.text(binder, named.key());
            if (value.isPresent()) {
                Optional<String> wrong = problem(value.get());
                if (wrong.isPresent()) {
                    return Optional.of(SettingValues.named(named.key(), settings) + " " + value.get() + " "
                            + wrong.get() + "; " + advice(named, wrong.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static List<Named> named(Binder binder, boolean demo) {
        List<Named> named = new ArrayList<>(List.of(
                new Named("flowbill.pricing.price-book", "the price book", "leave it out for the bundled one"),
                new Named("flowbill.pricing.plan", "the price plan", "leave it out for none")));
        int endpoints = binder.bindOrCreate("flowbill.webhooks", WebhookProperties.class).endpoints().size();
        for (int i = 0; i < endpoints; i++) {
            named.add(new Named("flowbill.webhooks.endpoints[" + i + "].secret-file", "the endpoint's signing secret",
                    null));
        }
        if (demo) {
            return named;
        }
        List<AccountsProperties.Entry> accounts = binder.bindOrCreate("flowbill", AccountsProperties.class).accounts();
        if (accounts.isEmpty()) {
            named.add(new Named("flowbill.api.token-file", "the API token", null));
        }
        for (int i = 0; i < accounts.size(); i++) {
            String account = "flowbill.accounts[" + i + "].";
            named.add(new Named(account + "token-file", "the account's API token", null));
            named.add(new Named(account + "app-key-file", "the account's app key", null));
            named.add(new Named(account + "app-secret-file", "the account's app secret", null));
            named.add(new Named(account + "plan", "the account's price plan", "leave it out for flowbill.pricing.plan"));
        }
        return named;
    }

    /** What is wrong with the file at {@code location} (a path, {@code file:} or {@code classpath:}), or empty. */
    private static Optional<String> problem(String location) {
        if (location.startsWith(CLASSPATH)) {
            String resource = location.substring(CLASSPATH.length()).replaceFirst("^/", "");
            return SettingFiles.class.getClassLoader().getResource(resource) == null
                    ? Optional.of("is not in the jar") : Optional.empty();
        }
        Path file = Path.of(location.startsWith(FILE) ? location.substring(FILE.length()) : location);
        if (!Files.exists(file)) {
            return Optional.of("does not exist");
        }
        if (Files.isDirectory(file)) {
            return Optional.of("is a folder, not a file");
        }
        if (!Files.isReadable(file)) {
            return Optional.of("cannot be read by user " + System.getProperty("user.name"));
        }
        return Optional.empty();
    }

    private static String advice(Named named, String wrong) {
        if (wrong.startsWith("cannot be read")) {
            return "let that user read it (its owner and mode, and its folders')";
        }
        return "write the path of the file holding " + named.holds() + (named.orElse() == null ? ""
                : ", or " + named.orElse());
    }
}
