package io.flowbill.invoicing;

/** The queries that compute an invoice's lines (parameters: tenant, first and next month's first day, invoice). */
final class InvoiceSql {

    /**
     * The month's daily lines summed per container, item, tier, charge type, spec, price version and unit price
     * (amounts added, not re-rounded; a new price version within the month gives a second line), then the
     * month-level lines (a price plan's lines are the tenant's: container, charge type and spec 0, which the
     * invoice keeps as no charge type and no spec).
     */
    static final String MONTH_LINES = """
            select :invoice, container_id, item, tier, unit_price, cast(null as date), sum(quantity), unit, sum(amount),
                   currency, charge_type, spec_id, price_version
              from charge_line
             where tenant_id = :tenant and charge_date >= :first and charge_date < :next
             group by container_id, item, tier, charge_type, spec_id, price_version, unit_price, unit, currency
            union all
            select :invoice, container_id, item, 0, unit_price, cast(null as date), sum(quantity), unit, sum(amount),
                   currency, nullif(charge_type, 0), nullif(spec_id, 0), price_version
              from month_charge_line
             where tenant_id = :tenant and billing_month = :first
             group by container_id, item, charge_type, spec_id, price_version, unit_price, unit, currency
            """;

    /**
     * One adjustment per container of a closed month (:first): what the month's lines amount to now, minus what its
     * FINAL invoice billed and what adjustments on FINAL invoices already corrected; quantity 1, unit the month.
     */
    static final String ADJUSTMENTS = """
            select :invoice, container_id, 'adjustment', 0, difference, cast(:first as date), 1, :unit, difference,
                   :currency, cast(null as smallint), cast(null as integer), cast(null as varchar)
              from (select container_id, sum(amount) as difference
                      from (select container_id, amount from charge_line
                             where tenant_id = :tenant and charge_date >= :first and charge_date < :next
                            union all
                            select container_id, amount from month_charge_line
                             where tenant_id = :tenant and billing_month = :first
                            union all
                            select l.container_id, -l.amount from invoice_line l join invoice i on i.id = l.invoice_id
                             where i.tenant_id = :tenant and i.billing_month = :first and l.corrects_month is null
                            union all
                            select l.container_id, -l.amount from invoice_line l join invoice i on i.id = l.invoice_id
                             where i.tenant_id = :tenant and i.status = 'FINAL' and l.corrects_month = :first) parts
                     group by container_id) differences
             where difference <> 0
            """;

    private InvoiceSql() {
    }
}
