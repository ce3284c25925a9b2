package io.flowbill.containerapi;

import java.util.concurrent.CompletableFuture;

/** A token given in the settings ({@code flowbill.api.token}); a 401 cannot be cured. */
final class StaticTokenSource implements TokenSource {

    private final CompletableFuture<ApiToken> token;

    StaticTokenSource(ApiToken token) {
        this.token = CompletableFuture.completedFuture(token);
    }

    @Override
    public CompletableFuture<ApiToken> current() {
        return token;
    }

    @Override
    public CompletableFuture<ApiToken> renewAfterUnauthorized(ApiToken rejected) {
        return token;
    }
}
