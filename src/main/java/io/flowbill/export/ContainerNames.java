package io.flowbill.export;

/**
 * Which name of a container an export prints. Rule: the name of the container's version in force at the end of the
 * file's period (for a day file the day's end in the billing zone, for an invoice its month's end), i.e. the last
 * version whose {@code valid_from} lies before that end; that is also the last name valid during the period. A
 * container with no version before then (or none with a name) prints its current name. So a rename never rewrites
 * the files of days and months that ended before it, and a FINAL invoice stays byte-identical.
 */
public final class ContainerNames {

    /**
     * The body of a lateral subquery giving {@code name}: the version of the container in those columns in force just
     * before the instant bound to its one parameter.
     */
    public static String inForceBefore(String tenantColumn, String containerColumn) {
        return """
                select cv.name from container_version cv
                 where cv.tenant_id = %s and cv.container_id = %s and cv.valid_from < ?
                 order by cv.valid_from desc
                 limit 1""".formatted(tenantColumn, containerColumn);
    }

    /**
     * A derived table of {@code (container_id, name)}: for every container of the tenant bound to its first parameter,
     * the name of its version in force just before the instant bound to its second (the same rule as
     * {@link #inForceBefore}, set-based: one pass over the tenant's versions instead of a lookup per row). For a file
     * that prints the whole fleet (a day's charges, a month's invoice); a page of a few rows keeps the lookup.
     */
    public static String allInForceBefore() {
        return """
                select distinct on (cv.container_id) cv.container_id, cv.name from container_version cv
                 where cv.tenant_id = ? and cv.valid_from < ?
                 order by cv.container_id, cv.valid_from desc""";
    }

    private ContainerNames() {
    }
}
