package io.flowbill.cli;

/** Parses the command line and runs one flowbill command, returning the process exit code. */
public final class FlowbillCli {

    private FlowbillCli() {
    }

    public static int run(String[] args) {
        System.out.println("flowbill: commands arrive with the foundation issue");
        return 0;
    }
}
