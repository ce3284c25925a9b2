package io.flowbill.pricing;

import static io.flowbill.pricing.PriceBooks.smallWithLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** One test per rule the loader enforces; each asserts that the message names the version, key and line. */
class PriceBookValidationTest {

    @Test
    void refusesUnknownKeyInVersion() {
        assertRefused(smallWithLine(18, "    traffic-out-per-gbb: 0.79"), 18, "v1", "traffic-out-per-gbb",
                "unknown key");
    }

    @Test
    void refusesUnknownKeyAtBookLevel() {
        assertRefused(smallWithLine(2, "zone: Asia/Shanghai", "colour: red"), 3, null, "colour", "unknown key");
    }

    @Test
    void refusesUnknownKeyInSpec() {
        assertRefused(smallWithLine(10, "      \"10\": {name: 小型, on-demand: 0.06}"), 10, "v1", "specs.10.on-demand",
                "unknown key");
    }

    @Test
    void refusesUnknownKeyInTier() {
        assertRefused(smallWithLine(17, "      - {price: 0.13, currency: USD}"), 17, "v1",
                "bandwidth-per-mbps-hour[2].currency", "unknown key");
    }

    @Test
    void refusesDuplicateKey() {
        assertRefused(smallWithLine(7, "    mb-per-gb: 1024", "    mb-per-gb: 1000"), 8, "v1", "mb-per-gb",
                "duplicate key");
    }

    @Test
    void refusesVersionWithMissingSpec() {
        assertRefused(smallWithLine(13), 9, "v1", "specs.40", "missing spec 40");
    }

    @Test
    void refusesFirstVersionWithMissingKey() {
        assertRefused(smallWithLine(18), 4, "v1", "traffic-out-per-gb", "missing key");
    }

    @Test
    void refusesNegativePrice() {
        assertRefused(smallWithLine(11,
                "      \"20\": {name: 中型, on-demand-per-hour: -0.2, package-per-month: 144, package-traffic-gb: 100}"),
                11, "v1", "specs.20.on-demand-per-hour", "must not be negative");
    }

    @Test
    void refusesTiersOutOfOrder() {
        assertRefused(smallWithLine(24, "      - {up-to-mbps: 10, price: 0.03}", "      - {up-to-mbps: 5, price: 0.05}"),
                25, "v2", "bandwidth-per-mbps-hour[2].up-to-mbps", "must be greater than the tier before it, 10");
    }

    @Test
    void refusesOpenTierBeforeTheLast() {
        assertRefused(smallWithLine(16, "      - {price: 0.03}"), 16, "v1", "bandwidth-per-mbps-hour[1].up-to-mbps",
                "only the last tier may be open");
    }

    @Test
    void refusesClosedLastTier() {
        assertRefused(smallWithLine(25, "      - {up-to-mbps: 100, price: 0.10}"), 25, "v2",
                "bandwidth-per-mbps-hour[2].up-to-mbps", "the last tier must be open");
    }

    @Test
    void refusesDuplicateVersionName() {
        assertRefused(smallWithLine(21, "  - name: v1"), 21, "#2", "name", "duplicate version name 'v1'");
    }

    @Test
    void refusesDuplicateEffectiveFrom() {
        assertRefused(smallWithLine(22, "    effective-from: 2017-01-01T08:00:00+16:00"), 22, "v2", "effective-from",
                "duplicate effective-from, the same as version 'v1'");
    }

    @Test
    void refusesVersionTakingEffectBeforeThePreviousOne() {
        assertRefused(smallWithLine(22, "    effective-from: 2016-05-10T00:00:00+08:00"), 22, "v2", "effective-from",
                "must be after the effective-from of the version before it, 'v1'");
    }

    @Test
    void refusesCurrencyTheJdkDoesNotKnow() {
        assertRefused(smallWithLine(1, "currency: RMB"), 1, null, "currency", "'RMB'");
    }

    @Test
    void refusesCurrencyWithMoreThanTwoDecimalsWhichTheSchemaCannotStore() {
        assertRefused(smallWithLine(1, "currency: BHD"), 1, null, "currency", "at most 2 decimals");
    }

    @Test
    void refusesUnknownZone() {
        assertRefused(smallWithLine(2, "zone: Asia/Beijing"), 2, null, "zone", "'Asia/Beijing'");
    }

    @Test
    void refusesUnknownHourRounding() {
        assertRefused(smallWithLine(6, "    hour-rounding: FLOOR"), 6, "v1", "hour-rounding", "unknown value 'FLOOR'");
    }

    @Test
    void refusesUnparseableNumber() {
        assertRefused(smallWithLine(18, "    traffic-out-per-gb: 0,79"), 18, "v1", "traffic-out-per-gb",
                "not a decimal number: '0,79'");
    }

    @Test
    void refusesExponentNotation() {
        assertRefused(smallWithLine(18, "    traffic-out-per-gb: 1e400"), 18, "v1", "traffic-out-per-gb",
                "exponent notation is not accepted");
        assertRefused(smallWithLine(20, "    package-overage-per-gb: 7.9E-1"), 20, "v1", "package-overage-per-gb",
                "exponent notation is not accepted");
    }

    @Test
    void refusesNotANumberAndInfinity() {
        assertRefused(smallWithLine(18, "    traffic-out-per-gb: .nan"), 18, "v1", "traffic-out-per-gb",
                "not a decimal number: '.nan'");
        assertRefused(smallWithLine(19, "    traffic-in-per-gb: .inf"), 19, "v1", "traffic-in-per-gb",
                "not a decimal number: '.inf'");
    }

    @Test
    void refusesMoreThanSixDecimalPlaces() {
        assertRefused(smallWithLine(18, "    traffic-out-per-gb: 0.7900001"), 18, "v1", "traffic-out-per-gb",
                "too many decimal places: at most 6, was '0.7900001'");
    }

    @Test
    void refusesMoreThanSixDigitsBeforeThePoint() {
        assertRefused(smallWithLine(10, "      \"10\": {name: 小型, on-demand-per-hour: 0.060, package-per-month: 1000000,"
                + " package-traffic-gb: 100}"), 10, "v1", "specs.10.package-per-month", "too large");
    }

    @Test
    void refusesNegativeAllowance() {
        assertRefused(smallWithLine(10, "      \"10\": {name: 小型, on-demand-per-hour: 0.060, package-per-month: 43.2,"
                + " package-traffic-gb: -100}"), 10, "v1", "specs.10.package-traffic-gb", "must not be negative");
    }

    @Test
    void refusesZeroMaxTrafficPerHour() {
        assertRefused(smallWithLine(10, "      \"10\": {name: 小型, on-demand-per-hour: 0.060, package-per-month: 43.2,"
                + " package-traffic-gb: 100, max-traffic-gb-per-hour: 0}"), 10, "v1", "specs.10.max-traffic-gb-per-hour",
                "must be positive");
    }

    @Test
    void refusesMaxTrafficPerHourThatIsNotANumber() {
        assertRefused(smallWithLine(10, "      \"10\": {name: 小型, on-demand-per-hour: 0.060, package-per-month: 43.2,"
                + " package-traffic-gb: 100, max-traffic-gb-per-hour: 4TB}"), 10, "v1",
                "specs.10.max-traffic-gb-per-hour", "not a decimal number: '4TB'");
    }

    @Test
    void refusesZoneWhoseOffsetIsNotAWholeHour() {
        assertRefused(smallWithLine(2, "zone: Asia/Kolkata"), 2, null, "zone", "UTC offset +05:30");
    }

    @Test
    void refusesZoneWhoseDaylightSavingShiftsByHalfAnHour() {
        // Lord Howe Island: +10:30 in winter, +11:00 in summer
        assertRefused(smallWithLine(2, "zone: Australia/Lord_Howe"), 2, null, "zone", "UTC offset +10:30");
    }

    @Test
    void refusesSpecIdThatIsNotAWholeNumber() {
        assertRefused(smallWithLine(9, "      \"x1\": {name: a, on-demand-per-hour: 0.039, package-per-month: 28.08,"
                + " package-traffic-gb: 100}"), 9, "v1", "specs.x1", "not a positive whole number");
    }

    @Test
    void refusesZeroMbPerGb() {
        assertRefused(smallWithLine(7, "    mb-per-gb: 0"), 7, "v1", "mb-per-gb", "must be positive");
    }

    @Test
    void refusesUnparseableDate() {
        assertRefused(smallWithLine(5, "    effective-from: 2017-01-01"), 5, "v1", "effective-from",
                "not a date-time with offset");
    }

    @Test
    void refusesInvalidYaml() {
        assertRefused(smallWithLine(3, "versions: [unclosed"), 4, null, null, "not valid YAML");
    }

    private static void assertRefused(String yaml, int line, String version, String key, String problem) {
        PriceBookException e = catchThrowableOfType(PriceBookException.class, () -> PriceBooks.parse(yaml));

        assertThat(e).as("expected refusal: %s", problem).isNotNull();
        String context = "message='" + e.getMessage() + "'";
        assertThat(e.line()).as(context).isEqualTo(line);
        assertThat(e.version()).as(context).isEqualTo(version);
        assertThat(e.key()).as(context).isEqualTo(key);
        assertThat(e.getMessage()).as(context)
                .startsWith("price book test.yaml: line " + line)
                .contains(version == null ? "" : "version '" + version + "'")
                .contains(key == null ? "" : "key '" + key + "'")
                .contains(problem);
    }
}
