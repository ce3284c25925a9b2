package io.flowbill.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The accounts of {@code bench --accounts M}: M tokens of one sandbox (its static token and M - 1 more, each an
 * account with its own request limit), each in a file of mode 0600, and the {@code flowbill.accounts[i].*}
 * properties that name them: tenant {@code account-i}, client limit R requests a second.
 */
final class AccountFiles {

    private final List<String> tokens;
    private final List<Path> files;

    private AccountFiles(List<String> tokens, List<Path> files) {
        this.tokens = tokens;
        this.files = files;
    }

    static AccountFiles create(int accounts, Path folder) throws IOException {
        List<String> tokens = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            String token = "bench-account-" + i + "-" + UUID.randomUUID();
            Path file = folder.resolve("account-" + i + ".token");
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token + "\n");
            tokens.add(token);
            files.add(file);
        }
        return new AccountFiles(List.copyOf(tokens), List.copyOf(files));
    }

    /** The first account's token: the sandbox's static token. */
    String firstToken() {
        return tokens.get(0);
    }

    /** The sandbox options that make the other accounts (more tokens) and limit each account to R a second. */
    List<String> sandboxOptions(int accountRps) {
        List<String> options = new ArrayList<>(List.of("--requests-per-second", String.valueOf(accountRps)));
        if (tokens.size() > 1) {
            options.addAll(List.of("--more-tokens", String.join(",", tokens.subList(1, tokens.size()))));
        }
        return options;
    }

    static String tenant(int index) {
        return "account-" + index;
    }

    /** {@code flowbill.accounts[i].*} of every account at {@code baseUrl}, each client at {@code accountRps}. */
    Map<String, Object> properties(String baseUrl, int accountRps, int maxConcurrency) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            String key = "flowbill.accounts[" + i + "].";
            properties.put(key + "tenant", tenant(i));
            properties.put(key + "base-url", baseUrl);
            properties.put(key + "token-file", files.get(i).toString());
            properties.put(key + "requests-per-second", accountRps);
            properties.put(key + "max-concurrency", maxConcurrency);
        }
        properties.put("flowbill.accounts-in-parallel", files.size());
        return properties;
    }
}
