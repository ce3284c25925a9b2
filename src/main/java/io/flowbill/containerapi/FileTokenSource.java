package io.flowbill.containerapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * A token read from a file ({@code flowbill.api.token-file}), trimmed. The file is read when the client is built and
 * again after a 401, so a rotated secret (a Kubernetes secret volume, say) is picked up without a restart.
 */
final class FileTokenSource implements TokenSource {

    private final Path file;
    private final Clock clock;
    private volatile ApiToken token;

    FileTokenSource(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        this.token = read();
    }

    @Override
    public CompletableFuture<ApiToken> current() {
        return CompletableFuture.completedFuture(token);
    }

    @Override
    public synchronized CompletableFuture<ApiToken> renewAfterUnauthorized(ApiToken rejected) {
        if (token.equals(rejected)) {
            try {
                ApiToken reread = read();
                if (!reread.value().equals(rejected.value())) {
                    token = reread;
                }
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return CompletableFuture.completedFuture(token);
    }

    private ApiToken read() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read token file " + file, e);
        }
        if (text.isEmpty()) {
            throw new IllegalStateException("token file " + file + " is empty");
        }
        return ApiToken.permanent(text, clock.instant());
    }
}
