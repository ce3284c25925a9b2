package io.flowbill.pricing;

import java.util.List;

/**
 * One container's rated usage of a day: its charge lines and, for package hours, its package days (what the
 * month's overage sums); or, when one of its hours cannot be rated, no line and no package day but the
 * {@link UnrateableDay}.
 */
public record RatedContainer(List<ChargeLine> lines, List<PackageDay> packageDays, List<UnrateableDay> unrateable) {

    public RatedContainer {
        lines = List.copyOf(lines);
        packageDays = List.copyOf(packageDays);
        unrateable = List.copyOf(unrateable);
        if (!unrateable.isEmpty() && !(lines.isEmpty() && packageDays.isEmpty())) {
            throw new IllegalArgumentException("an unrateable container day has no lines and no package days");
        }
    }

    public RatedContainer(List<ChargeLine> lines, List<PackageDay> packageDays) {
        this(lines, packageDays, List.of());
    }

    static RatedContainer unrateable(UnrateableDay day) {
        return new RatedContainer(List.of(), List.of(), List.of(day));
    }
}
