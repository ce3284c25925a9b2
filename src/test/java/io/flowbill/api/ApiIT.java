package io.flowbill.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.flowbill.export.ExportService;
import io.flowbill.invoicing.FixedClockConfiguration;
import io.flowbill.invoicing.FixtureFleet;
import io.flowbill.invoicing.InvoiceService;
import io.flowbill.invoicing.RatingService;
import io.flowbill.system.EmptyApi;
import io.flowbill.security.ApiKeys;
import io.flowbill.security.ApiRole;
import io.flowbill.system.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * The REST API over a billed month, through a real web server: November billed, exported and closed, then
 * corrected downwards (a credit note, December's draft), and an October invoice of 2,500 lines. Every figure is
 * compared with what the database holds, every document with the file the export wrote.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=servlet", "flowbill.serve.auto-tick=false",
            "flowbill.pricing.price-book=" + FixtureFleet.PRICE_BOOK, "flowbill.metering.tenant=" + FixtureFleet.TENANT })
@Import(FixedClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiIT {

    static final String ACME = "/api/v1/tenants/" + FixtureFleet.TENANT;
    static final int OCTOBER_LINES = 2_500;
    static Path exportDir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        TestDatabase.fresh().register(registry);
        EmptyApi.register(registry);
        exportDir = Files.createTempDirectory("flowbill-api-it");
        registry.add("flowbill.export.dir", exportDir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    RatingService rating;

    @Autowired
    InvoiceService invoices;

    @Autowired
    ExportService exports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiKeys keys;

    ApiClient api;

    @BeforeAll
    void billedMonths() throws Exception {
        api = new ApiClient(port).withBearer(keys.create(FixtureFleet.TENANT, ApiRole.READER, "ApiIT").text());
        new FixtureFleet(jdbc).clear().insertDay();
        rating.rate(FixtureFleet.TENANT, FixtureFleet.DAY);
        exports.writeDayAndInvoices(FixtureFleet.TENANT, FixtureFleet.DAY,
                List.of(invoices.refreshFor(FixtureFleet.TENANT, FixtureFleet.DAY)));
        exports.writeInvoices(List.of(invoices.close(FixtureFleet.TENANT, java.time.YearMonth.of(2026, 11), true)));
        jdbc.update("delete from usage_hour where container_id = 105");
        rating.rate(FixtureFleet.TENANT, FixtureFleet.DAY);
        exports.writeDayAndInvoices(FixtureFleet.TENANT, FixtureFleet.DAY,
                List.of(invoices.refreshFor(FixtureFleet.TENANT, FixtureFleet.DAY)));
        octoberOf2500Lines();
    }

    @Test
    void monthToDateIsTheReconciliationFileTheExportWrote() throws Exception {
        JsonNode month = api.json(ACME + "/month-to-date?month=2026-12");

        List<String> file = Files.readAllLines(exportDir.resolve("acme/2026-12/reconciliation-2026-12.csv"));
        List<String> parts = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode part : month.get("parts")) {
            parts.add("acme,2026-12," + part.get("part").asString() + "," + part.get("amount").asString() + ",CNY,"
                    + month.get("invoice_status").asString());
            sum = sum.add(new BigDecimal(part.get("amount").asString()));
        }
        assertThat(parts).as("parts of %s", month).isEqualTo(file.subList(1, file.size()).stream()
                .map(line -> line.replace("\r", "")).toList());
        BigDecimal stored = jdbc.queryForObject("select total from invoice where tenant_id = 'acme'"
                + " and billing_month = date '2026-12-01'", BigDecimal.class);
        assertThat(new BigDecimal(month.get("total").asString())).isEqualByComparingTo(stored);
        assertThat(sum).as("the parts add up to the total").isEqualByComparingTo(stored);
        assertThat(month.get("invoice_number").asString()).isEqualTo("acme-202612");
    }

    @Test
    void invoiceLinesWalkEveryPageOnceInTheStoredOrder() throws Exception {
        List<String> walked = walk(ACME + "/invoices/acme-202610?limit=1000", detail -> detail.get("lines"),
                line -> line.get("container_id").asLong() + "/" + line.get("item").asString() + "/"
                        + line.get("tier").asInt() + "/" + line.get("amount").asString());

        List<String> stored = jdbc.query("""
                select l.container_id || '/' || l.item || '/' || l.tier || '/' || l.amount
                  from invoice i join invoice_line l on l.invoice_id = i.id
                 where i.tenant_id = 'acme' and i.billing_month = date '2026-10-01'
                 order by l.container_id, l.item, l.tier, l.unit_price, coalesce(l.corrects_month, date '0001-01-01'),
                          coalesce(l.charge_type, -1), coalesce(l.spec_id, -1), coalesce(l.price_version, '')
                """, (rs, row) -> rs.getString(1));
        assertThat(walked).hasSize(OCTOBER_LINES).doesNotHaveDuplicates().isEqualTo(stored);
    }

    @Test
    void invoiceHeaderIsTheStoredRow() throws Exception {
        JsonNode november = api.json(ACME + "/invoices/acme-202611").get("invoice");

        Map<String, Object> row = jdbc.queryForMap("select status, subtotal, tax, total, lines from invoice"
                + " where tenant_id = 'acme' and billing_month = date '2026-11-01'");
        assertThat(november.get("status").asString()).isEqualTo(row.get("status"));
        assertThat(new BigDecimal(november.get("total").asString())).isEqualByComparingTo((BigDecimal) row.get("total"));
        assertThat(new BigDecimal(november.get("tax").asString())).isEqualByComparingTo((BigDecimal) row.get("tax"));
        assertThat(november.get("lines").asLong()).isEqualTo(((Number) row.get("lines")).longValue());
        assertThat(november.get("closed_at").asString()).as("an instant on the wire").endsWith("Z");
    }

    @Test
    void invoiceListWalksEveryMonthNewestFirst() throws Exception {
        List<String> walked = walk(ACME + "/invoices?limit=1", page -> page, invoice -> invoice.get("number")
                .asString() + " " + invoice.get("status").asString() + " " + invoice.get("total").asString());

        assertThat(walked).isEqualTo(jdbc.query("select tenant_id || '-' || to_char(billing_month, 'YYYYMM') || ' '"
                + " || status || ' ' || total from invoice where tenant_id = 'acme' order by billing_month desc",
                (rs, row) -> rs.getString(1)));
        assertThat(walk(ACME + "/invoices?status=final", page -> page, invoice -> invoice.get("number").asString()))
                .containsExactly("acme-202611", "acme-202610");
    }

    @Test
    void chargesOfTheDayWalkAsStored() throws Exception {
        List<String> walked = walk(ACME + "/charges?date=2026-11-25&limit=2", page -> page,
                line -> line.get("container_id").asLong() + " " + line.get("item").asString() + " "
                        + line.get("tier").asInt() + " " + line.get("charge_type").asString() + " "
                        + line.get("spec_id").asInt() + " " + line.get("price_version").asString() + " "
                        + line.get("amount").asString());

        assertThat(walked).isNotEmpty().doesNotHaveDuplicates().isEqualTo(jdbc.query("""
                select container_id || ' ' || item || ' ' || tier || ' '
                       || case charge_type when 1 then 'package' else 'on_demand' end || ' ' || spec_id || ' '
                       || price_version || ' ' || amount from charge_line
                 where tenant_id = 'acme' and charge_date = date '2026-11-25'
                 order by container_id, item, tier, charge_type, spec_id, price_version
                """, (rs, row) -> rs.getString(1)));
    }

    @Test
    void usageByHourAndByDayAddUpToTheStoredHours() throws Exception {
        String range = "from=2026-11-25&to=2026-11-25";
        List<String> hours = walk(ACME + "/usage?" + range + "&granularity=hour&limit=7", page -> page,
                hour -> hour.get("container_id").asLong() + " " + hour.get("period_start").asString());
        List<String> days = walk(ACME + "/usage?" + range + "&granularity=day&limit=1", page -> page,
                day -> day.get("container_id").asLong() + " " + day.get("hours").asLong() + " "
                        + day.get("up_mb").asString());

        assertThat(hours).doesNotHaveDuplicates().hasSize(jdbc.queryForObject("select count(*) from usage_hour"
                + " where tenant_id = 'acme'", Integer.class));
        assertThat(days).isEqualTo(jdbc.query("""
                select container_id || ' ' || count(*) || ' ' || coalesce(sum(up_mb), 0) from usage_hour
                 where tenant_id = 'acme' group by container_id order by container_id
                """, (rs, row) -> rs.getString(1)));
        JsonNode one = api.json(ACME + "/usage?" + range + "&container=101");
        assertThat(one.get("items")).allSatisfy(day -> assertThat(day.get("container_id").asLong()).isEqualTo(101));
    }

    @Test
    void exceptionsAreTheStoredOnes() throws Exception {
        List<Long> walked = walk(ACME + "/exceptions?resolved=false&limit=1", page -> page,
                exception -> exception.get("id").asLong());

        assertThat(walked).isNotEmpty().isEqualTo(jdbc.queryForList("select id from metering_exception"
                + " where tenant_id = 'acme' and not resolved order by id", Long.class));
    }

    @ParameterizedTest
    @CsvSource({ "acme-202611,acme/2026-11/invoice-2026-11", "acme-202612,acme/2026-12/invoice-2026-12" })
    void invoiceDocumentsAreTheExportedFiles(String number, String file) throws Exception {
        for (String format : List.of("csv", "html", "pdf")) {
            HttpResponse<byte[]> document = api.get(ACME + "/invoices/" + number + "/document." + format);

            assertThat(document.statusCode()).as(format).isEqualTo(200);
            assertThat(document.body()).as("%s.%s", number, format)
                    .isEqualTo(Files.readAllBytes(exportDir.resolve(file + "." + format)));
        }
    }

    @Test
    void creditNoteAndItsDocumentsAreTheIssuedOnes() throws Exception {
        JsonNode notes = api.json(ACME + "/credit-notes");
        assertThat(notes.get("items")).extracting(note -> note.get("number").asString())
                .containsExactly("acme-CN-202611-1");
        JsonNode note = api.json(ACME + "/credit-notes/acme-CN-202611-1");
        assertThat(new BigDecimal(note.get("credit_note").get("total").asString())).isEqualByComparingTo(
                jdbc.queryForObject("select total from credit_note", BigDecimal.class));
        assertThat(note.get("lines").get("items")).extracting(line -> line.get("container_id").asLong() + " "
                + line.get("amount").asString()).containsExactly("105 -6.72");
        for (String format : List.of("csv", "html", "pdf")) {
            assertThat(api.get(ACME + "/credit-notes/acme-CN-202611-1/document." + format).body()).as(format)
                    .isEqualTo(Files.readAllBytes(exportDir.resolve("acme/2026-12/credit-note-2026-11-1." + format)));
        }
    }

    @Test
    void aFinalInvoiceHasAStrongEtagAndADraftIsNotStored() throws Exception {
        HttpResponse<byte[]> november = api.get(ACME + "/invoices/acme-202611");
        String etag = november.headers().firstValue("ETag").orElseThrow();

        assertThat(etag).startsWith("\"");
        assertThat(api.get(ACME + "/invoices/acme-202611", "If-None-Match", etag).statusCode()).isEqualTo(304);
        HttpResponse<byte[]> pdf = api.get(ACME + "/invoices/acme-202611/document.pdf");
        assertThat(api.get(ACME + "/invoices/acme-202611/document.pdf", "If-None-Match",
                pdf.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);
        HttpResponse<byte[]> december = api.get(ACME + "/invoices/acme-202612");
        assertThat(december.headers().firstValue("ETag")).isEmpty();
        assertThat(december.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/month-to-date?month=2026-13|month|YYYY-MM",
        "/month-to-date?month=2027-02|month|has not begun",
        "/usage?from=2026-11-26&to=2026-11-25|from|lies after 'to'",
        "/usage?from=2026-11-25&to=2026-11-25&granularity=minute|granularity|hour, day",
        "/usage?to=2026-11-25|from|required",
        "/charges?date=2026-11-25&limit=1001|limit|between 1 and 1000",
        "/charges?date=2026-11-25&limit=ten|limit|whole number",
        "/charges?date=2026-11-25&after=bm90LWEtY3Vyc29y|after|not a cursor",
        "/invoices?status=paid|status|draft, final",
        "/exceptions?resolved=maybe|resolved|true or false" })
    void aBadParameterIsAProblemNamingIt(String path, String parameter, String detail) throws Exception {
        HttpResponse<byte[]> response = api.get(ACME + path);

        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = ApiClient.parse(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
        assertThat(problem.get("detail").asString()).contains(detail);
    }

    @Test
    void aCursorOfAnotherListIsRefused() throws Exception {
        String invoiceCursor = Cursor.encode(InvoiceQueries.INVOICES, "2026-11");

        assertThat(api.get(ACME + "/exceptions?after=" + invoiceCursor).statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @CsvSource({ "/api/v1/tenants/nobody/invoices", "/api/v1/tenants/acme/invoices/acme-202501",
        "/api/v1/tenants/acme/invoices/other-202611", "/api/v1/tenants/acme/credit-notes/acme-CN-202611-9",
        "/api/v1/tenants/acme/invoices/acme-202699/document.pdf" })
    void whatDoesNotExistIsANotFoundProblem(String path) throws Exception {
        HttpResponse<byte[]> response = api.get(path);

        assertThat(response.statusCode()).as(path).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(ApiClient.parse(response.body()).get("title").asString()).isEqualTo("Not found");
    }

    @Test
    void anUnknownTenantLooksLikeAnyTenantTheRequestCannotSee() throws Exception {
        HttpResponse<byte[]> response = api.get("/api/v1/tenants/nobody/month-to-date");

        JsonNode unknown = ApiClient.parse(response.body());
        ProblemDetail expected = ApiProblems.tenantNotFound("nobody");
        assertThat(response.statusCode()).isEqualTo(expected.getStatus());
        assertThat(unknown.propertyNames()).containsExactlyInAnyOrder("type", "title", "status", "detail", "instance");
        assertThat(unknown.get("type").asString()).isEqualTo(expected.getType().toString());
        assertThat(unknown.get("title").asString()).isEqualTo(expected.getTitle());
        assertThat(unknown.get("detail").asString()).isEqualTo(expected.getDetail());
        assertThat(unknown.get("instance").asString()).isEqualTo("/api/v1/tenants/nobody/month-to-date");
    }

    @Test
    void theServedOpenApiDocumentIsTheKeptOne() throws Exception {
        byte[] served = api.get("/api/v1/openapi.json").body();
        Path kept = Path.of("docs/api/openapi.json");
        Path fresh = Path.of("target/openapi.json");
        Files.write(fresh, ApiClient.pretty(served));

        assertThat(Files.exists(kept) ? ApiClient.parse(Files.readAllBytes(kept)) : null)
                .as("docs/api/openapi.json differs from the document the API serves: review and copy it with"
                        + " 'cp target/openapi.json docs/api/openapi.json' (written by this test)")
                .isEqualTo(ApiClient.parse(served));
        JsonNode document = ApiClient.parse(served);
        assertThat(document.get("openapi").asString()).startsWith("3.1");
        assertThat(document.get("components").get("securitySchemes").get("bearer").get("scheme").asString())
                .isEqualTo("bearer");
    }

    /** Follows {@code next} from the first page to the last, mapping every item. */
    private <T> List<T> walk(String first, Function<JsonNode, JsonNode> page, Function<JsonNode, T> item)
            throws Exception {
        List<T> items = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String path = first;
        while (true) {
            JsonNode list = page.apply(api.json(path));
            list.get("items").forEach(node -> items.add(item.apply(node)));
            JsonNode next = list.get("next");
            if (next == null || next.isNull()) {
                return items;
            }
            assertThat(cursors.add(next.asString())).as("cursor %s handed out once", next).isTrue();
            path = first + (first.contains("?") ? "&" : "?") + "after=" + next.asString();
        }
    }

    /** October: a FINAL invoice of 2,500 lines, two items per container, some without a charge type. */
    private void octoberOf2500Lines() {
        jdbc.update("""
                insert into invoice (tenant_id, billing_month, status, currency, total, subtotal, lines, changed_at,
                                     closed_at)
                values ('acme', date '2026-10-01', 'FINAL', 'CNY', 25.00, 25.00, ?, now(), now())
                """, OCTOBER_LINES);
        jdbc.update("""
                insert into invoice_line (invoice_id, container_id, item, tier, unit_price, quantity, unit, amount,
                                          currency, charge_type, spec_id, price_version)
                select i.id, 1000 + g / 2, case when g % 2 = 0 then 'compute' else 'traffic_out' end, 0, 0.01, 1, 'h',
                       0.01, 'CNY', case when g % 3 = 0 then null else 2 end, 10, 'v1'
                  from invoice i, generate_series(0, ? - 1) g
                 where i.tenant_id = 'acme' and i.billing_month = date '2026-10-01'
                """, OCTOBER_LINES);
    }
}
