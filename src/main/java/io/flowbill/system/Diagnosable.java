package io.flowbill.system;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A failure of a feature that says in one line what broke and what to do ({@link Diagnosis} asks it): the container
 * API's refusals and outages, a refused price book. A failure that answers a line is an expected one.
 */
public interface Diagnosable {

    /**
     * The line, or empty when this failure is not one a person can act on from its message.
     *
     * @param during  the job and step it happened in ({@code meteringJob/flowStep}), or null
     * @param setting reads the configuration, so the line can name the URL or setting involved
     */
    Optional<String> diagnosis(String during, UnaryOperator<String> setting);

    /**
     * The key a {@code setting} answers with the settings prefix of the account a failure is of, such as
     * {@code flowbill.accounts[1]}, when the caller knows it; unanswered: {@code flowbill.api}, the single account.
     */
    String ACCOUNT = "flowbill.diagnosis.account";

    /** What a line about a run that can resume ends with. */
    String RESUME = "run the same command again to resume";
}
