package io.flowbill.system;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one walk along a failure's cause chain (the innermost cause is Spring's
 * {@link org.springframework.core.NestedExceptionUtils#getMostSpecificCause}).
 */
public final class Causes {

    private Causes() {
    }

    /** The failure and its causes, outermost first; a cause that is its own cause ends the chain. */
    public static Stream<Throwable> chain(Throwable failure) {
        return Stream.iterate(failure, t -> t != null, t -> t.getCause() == t ? null : t.getCause());
    }

    /** The failure itself or the first of its causes that is a {@code type}, or empty. */
    public static <T> Optional<T> find(Throwable failure, Class<T> type) {
        return chain(failure).filter(type::isInstance).map(type::cast).findFirst();
    }
}
