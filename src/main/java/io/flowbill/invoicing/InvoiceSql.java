package io.flowbill.invoicing;

import java.util.Currency;

import io.flowbill.pricing.ChargeItem;
import io.flowbill.pricing.Rounding;

/**
 * The queries that compute an invoice's lines (parameters: tenant, first and next month's first day, the month's
 * seconds in the billing zone, invoice). Rounding is {@link Rounding}'s, written in SQL.
 */
final class InvoiceSql {

    /**
     * The month's usage rated once per invoice line (docs/billing-rules.md, "Invoice lines: rated once"), as the
     * running sums hold it ({@link MonthSums}, rated by {@link MonthSums#rateChanged} first): the same lines as
     * {@link #recomputedUsage}, read from one row per line instead of summed from the month's daily lines.
     */
    static String ratedUsage(Currency currency) {
        String quantity = MonthSums.billedQuantity(":monthSeconds");
        return """
                select container_id, item, tier, unit_price, %s as quantity, unit, coalesce(amount, %s) as amount,
                       currency, charge_type, spec_id, price_version
                  from month_usage
                 where tenant_id = :tenant and billing_month = :first
                """.formatted(quantity, Rounding.amountSql(quantity, "unit_price", currency));
    }

    /**
     * The month's usage rated once per invoice line, summed from the daily lines (what {@link #ratedUsage} must
     * equal; the check of the running sums): the daily lines grouped per container, item, tier, charge type, spec,
     * price version and unit price; the quantity is their exact sum (a package's: its seconds over the month's, so a
     * whole month is 1) and the amount is round(quantity x unit price) once. The daily amounts, each rounded on its
     * day, are estimates and not summed.
     */
    static String recomputedUsage(Currency currency) {
        String quantity = "case when item = '" + ChargeItem.PACKAGE.code() + "' then "
                + Rounding.packageMonthSql("sum(quantity)", ":monthSeconds") + " else sum(quantity) end";
        return """
                select container_id, item, tier, unit_price, quantity, unit, %s as amount, currency, charge_type,
                       spec_id, price_version
                  from (select container_id, item, tier, unit_price, %s as quantity, unit, currency, charge_type,
                               spec_id, price_version
                          from charge_line
                         where tenant_id = :tenant and charge_date >= :first and charge_date < :next
                         group by container_id, item, tier, charge_type, spec_id, price_version, unit_price, unit,
                                  currency) summed
                """.formatted(Rounding.amountSql("quantity", "unit_price", currency), quantity);
    }

    /**
     * The invoice's lines of its own month: the usage rated once ({@link #ratedUsage}), then the month-level lines
     * (package overage and a price plan's lines, each already rated once for the month; a plan's lines are the
     * tenant's: container, charge type and spec 0, which the invoice keeps as no charge type and no spec).
     */
    static String monthLines(Currency currency) {
        return monthLines(ratedUsage(currency));
    }

    /** {@link #monthLines} with the usage lines of {@code usage} (the running sums' or the recomputed ones). */
    static String monthLines(String usage) {
        return """
                select :invoice, container_id, item, tier, unit_price, cast(null as date), quantity, unit, amount,
                       currency, charge_type, spec_id, price_version
                  from (%s) usage
                union all
                select :invoice, container_id, item, 0, unit_price, cast(null as date), sum(quantity), unit,
                       sum(amount), currency, nullif(charge_type, 0), nullif(spec_id, 0), price_version
                  from month_charge_line
                 where tenant_id = :tenant and billing_month = :first
                 group by container_id, item, charge_type, spec_id, price_version, unit_price, unit, currency
                """.formatted(usage);
    }

    /**
     * What a closed month (:first) amounts to now per container minus what it has billed and corrected: its lines
     * as {@link #monthLines} rates them, minus its FINAL invoice's own lines, the adjustments for it on FINAL
     * invoices and the lines of its credit notes. Positive differences become adjustments of the next open
     * invoice; negative ones a credit note.
     */
    static String differences(Currency currency) {
        return """
                select container_id, sum(amount) as difference
                  from (select container_id, amount from (%s) usage
                        union all
                        select container_id, amount from month_charge_line
                         where tenant_id = :tenant and billing_month = :first
                        union all
                        select l.container_id, -l.amount from invoice_line l join invoice i on i.id = l.invoice_id
                         where i.tenant_id = :tenant and i.billing_month = :first and l.corrects_month is null
                        union all
                        select l.container_id, -l.amount from invoice_line l join invoice i on i.id = l.invoice_id
                         where i.tenant_id = :tenant and i.status = 'FINAL' and l.corrects_month = :first
                        union all
                        select l.container_id, -l.amount from credit_note_line l join credit_note n on n.id = l.credit_note_id
                         where n.tenant_id = :tenant and n.corrects_month = :first) parts
                 group by container_id
                """.formatted(ratedUsage(currency));
    }

    /**
     * One adjustment per container of a closed month (:first) whose amount changed ({@link #differences}); quantity
     * 1, unit the month.
     */
    static String adjustments(Currency currency) {
        return """
                select :invoice, container_id, 'adjustment', 0, difference, cast(:first as date), 1, :unit, difference,
                       :currency, cast(null as smallint), cast(null as integer), cast(null as varchar)
                  from (%s) differences
                 where difference <> 0
                """.formatted(differences(currency));
    }

    private InvoiceSql() {
    }
}
