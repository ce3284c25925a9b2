package io.flowbill.api;

/** The periods usage is summed over: hours, or days of the billing zone. */
public enum Granularity {
    HOUR, DAY
}
