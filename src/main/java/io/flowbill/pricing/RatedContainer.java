package io.flowbill.pricing;

import java.util.List;

/**
 * One container's rated usage: its charge lines and, for package hours, its package days (what the month's
 * overage sums).
 */
public record RatedContainer(List<ChargeLine> lines, List<PackageDay> packageDays) {

    public RatedContainer {
        lines = List.copyOf(lines);
        packageDays = List.copyOf(packageDays);
    }
}
