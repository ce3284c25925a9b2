package io.flowbill.containerapi;

import java.util.concurrent.CompletableFuture;

/** Where the client's token comes from: a static value, a file, or the token endpoint. */
interface TokenSource {

    /** For the token endpoint itself, which takes no token. */
    TokenSource NONE = new TokenSource() {
        @Override
        public CompletableFuture<ApiToken> current() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<ApiToken> renewAfterUnauthorized(ApiToken rejected) {
            return CompletableFuture.completedFuture(rejected);
        }
    };

    /** The token to send now; {@code null} for none. */
    CompletableFuture<ApiToken> current();

    /**
     * A replacement for a token the API answered 401 to. Concurrent callers with the same rejected token share one
     * renewal. A result equal to {@code rejected} means there is nothing better and the 401 stands.
     */
    CompletableFuture<ApiToken> renewAfterUnauthorized(ApiToken rejected);
}
