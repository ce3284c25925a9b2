package io.flowbill.cli;

import picocli.CommandLine.Option;

/** {@code --tenant T}, shared by the commands that work on every configured account, each on its own, or on one. */
final class TenantOption {

    @Option(names = "--tenant", paramLabel = "TENANT",
            description = "only this account's tenant; default: every configured account, each on its own"
                    + " (flowbill.accounts-in-parallel at a time)")
    String name;
}
