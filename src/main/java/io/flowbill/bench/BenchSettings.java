package io.flowbill.bench;

/**
 * Options of {@code bench}; the database comes from {@code SPRING_DATASOURCE_URL} (and user, password, the password
 * also from a {@code SPRING_CONFIG_IMPORT=configtree:DIR/} file) or {@code --spring.datasource.url=...}; with none an
 * embedded PostgreSQL is used.
 */
record BenchSettings(int containers, int latencyMs, int concurrency, Part only, String databaseUrl,
        String databaseUser, String databasePassword, boolean help) {

    /** The parts {@code --only} can pick; all run by default. */
    enum Part {
        ALL, METERING, RATING
    }

    static final String USAGE = """
            usage: java -jar flowbill.jar bench [--containers 100000] [--latency-ms 0] [--concurrency 64]
                                                [--only metering|rating]
              Starts the sandbox as a second JVM, uses a fresh database on the configured PostgreSQL
              (SPRING_DATASOURCE_URL, or an embedded one), and measures the API bound, the database bound,
              metering of one window, rating and export of one day, and memory. Prints a table and writes
              target/bench/results.json. --only runs the API bound and metering, or the database
              bound and rating, alone.""";

    BenchSettings {
        if (containers < 1 || latencyMs < 0 || concurrency < 1) {
            throw new IllegalArgumentException("--containers and --concurrency must be at least 1, --latency-ms at least 0");
        }
    }

    static BenchSettings parse(String[] args) {
        int containers = 100_000;
        int latency = 0;
        int concurrency = 64;
        Part only = Part.ALL;
        String url = System.getenv("SPRING_DATASOURCE_URL");
        String user = System.getenv("SPRING_DATASOURCE_USERNAME");
        String password = System.getenv("SPRING_DATASOURCE_PASSWORD");
        if (password == null) {
            password = ConfigTree.read(System.getenv("SPRING_CONFIG_IMPORT"), "spring.datasource.password");
        }
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("bench")) {
                continue;
            }
            if (arg.equals("--help")) {
                help = true;
                continue;
            }
            if (arg.startsWith("--spring.datasource.")) {
                String value = arg.substring(arg.indexOf('=') + 1);
                if (arg.startsWith("--spring.datasource.url=")) {
                    url = value;
                }
                else if (arg.startsWith("--spring.datasource.username=")) {
                    user = value;
                }
                else if (arg.startsWith("--spring.datasource.password=")) {
                    password = value;
                }
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value; " + USAGE);
            }
            String value = args[++i];
            switch (arg) {
                case "--containers" -> containers = number(arg, value);
                case "--latency-ms" -> latency = number(arg, value);
                case "--concurrency" -> concurrency = number(arg, value);
                case "--only" -> only = part(value);
                default -> throw new IllegalArgumentException("unknown option " + arg + "; " + USAGE);
            }
        }
        return new BenchSettings(containers, latency, concurrency, only, url, user, password, help);
    }

    boolean runs(Part part) {
        return only == Part.ALL || only == part;
    }

    private static Part part(String value) {
        return switch (value) {
            case "metering" -> Part.METERING;
            case "rating" -> Part.RATING;
            default -> throw new IllegalArgumentException("--only '" + value + "' is not one of metering, rating");
        };
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value.replace("_", "").replace(",", ""));
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + value + "' is not a whole number");
        }
    }
}
