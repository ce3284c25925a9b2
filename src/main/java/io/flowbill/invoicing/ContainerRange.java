package io.flowbill.invoicing;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A range of containers in (tenant, container) order, [from, to); a missing end is open, so ranges that share
 * their ends cover every container, including ones the inventory has never listed.
 *
 * @param fromTenant    the tenant of the first container, {@code null} when the range starts at the first
 * @param fromContainer the id of the first container, with {@code fromTenant}
 * @param toTenant      the tenant of the first container after the range, {@code null} when it runs to the last
 * @param toContainer   the id of the first container after the range, with {@code toTenant}
 */
record ContainerRange(String fromTenant, Long fromContainer, String toTenant, Long toContainer) {

    static final ContainerRange ALL = new ContainerRange(null, null, null, null);

    private static final String FROM_TENANT = "fromTenant";
    private static final String FROM_CONTAINER = "fromContainer";
    private static final String TO_TENANT = "toTenant";
    private static final String TO_CONTAINER = "toContainer";

    ContainerRange {
        if ((fromTenant == null) != (fromContainer == null) || (toTenant == null) != (toContainer == null)) {
            throw new IllegalArgumentException("a range end needs both its tenant and its container");
        }
    }

    /** The SQL condition on {@code tenant_id, container_id} (row comparison, so the unique index serves it). */
    String condition() {
        return (fromTenant == null ? "" : " and (tenant_id, container_id) >= (?, ?)")
                + (toTenant == null ? "" : " and (tenant_id, container_id) < (?, ?)");
    }

    /** Sets the parameters of {@link #condition()} from index {@code first} on; returns the next free index. */
    int bind(PreparedStatement statement, int first) throws SQLException {
        int next = first;
        if (fromTenant != null) {
            statement.setString(next++, fromTenant);
            statement.setLong(next++, fromContainer);
        }
        if (toTenant != null) {
            statement.setString(next++, toTenant);
            statement.setLong(next++, toContainer);
        }
        return next;
    }

    ExecutionContext toContext() {
        ExecutionContext context = new ExecutionContext();
        if (fromTenant != null) {
            context.putString(FROM_TENANT, fromTenant);
            context.putLong(FROM_CONTAINER, fromContainer);
        }
        if (toTenant != null) {
            context.putString(TO_TENANT, toTenant);
            context.putLong(TO_CONTAINER, toContainer);
        }
        return context;
    }

    static ContainerRange of(ExecutionContext context) {
        return new ContainerRange(context.getString(FROM_TENANT, null),
                context.containsKey(FROM_CONTAINER) ? context.getLong(FROM_CONTAINER) : null,
                context.getString(TO_TENANT, null), context.containsKey(TO_CONTAINER) ? context.getLong(TO_CONTAINER) : null);
    }
}
