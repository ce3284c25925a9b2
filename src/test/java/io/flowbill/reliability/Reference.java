package io.flowbill.reliability;

/**
 * The fault-free run of the day on a fresh database that every case is compared with.
 *
 * @param rows  its billing rows
 * @param files its export files
 */
record Reference(BillingRows rows, ExportFiles files) {

    long usageRows() {
        return rows.tables().get("usage_hour").size();
    }

    /** The highest container id with charge lines: rated in the last chunk of the last partition. */
    long lastContainer() {
        return rows.tables().get("charge_line").stream()
                .mapToLong(row -> Long.parseLong(row.substring(1).split(",")[2]))
                .max().orElseThrow(() -> new IllegalStateException("the reference run wrote no charge line"));
    }
}
