package io.flowbill.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.flowbill.export.ExportService;
import io.flowbill.export.ReportNumbers;
import io.flowbill.invoicing.FixedClockConfiguration;
import io.flowbill.invoicing.FixtureFleet;
import io.flowbill.invoicing.InvoiceService;
import io.flowbill.invoicing.RatingService;
import io.flowbill.security.ApiKeys;
import io.flowbill.security.ApiRole;
import io.flowbill.system.EmptyApi;
import io.flowbill.system.Patience;
import io.flowbill.system.TestDatabase;

/**
 * The tenant portal in a real headless Chromium ({@link Browser}), against {@code serve} on a random port and a
 * database holding acme's November (billed, closed FINAL, then corrected by a credit note in December) and a second
 * tenant, globex. A person signs in with acme's API key, reads each page and compares it with what PostgreSQL holds,
 * downloads the invoice PDF (the export's bytes), switches to Chinese, signs out; another tenant's pages answer 404
 * like a tenant that does not exist. Screenshots land in {@code target/portal/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=servlet", "flowbill.serve.auto-tick=false",
            "flowbill.pricing.price-book=" + FixtureFleet.PRICE_BOOK, "flowbill.metering.tenant=" + FixtureFleet.TENANT })
@Import(FixedClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserIT {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    static final String OTHER_TENANT = "globex";
    static final Path SCREENSHOTS = Path.of("target", "portal");
    static Path exportDir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        TestDatabase.fresh().register(registry);
        EmptyApi.register(registry);
        exportDir = Files.createTempDirectory("flowbill-portal-it");
        registry.add("flowbill.export.dir", exportDir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RatingService rating;

    @Autowired
    InvoiceService invoices;

    @Autowired
    ExportService exports;

    @Autowired
    ApiKeys keys;

    Browser browser;
    String acmeKey;

    @BeforeAll
    void billNovemberCloseItAndCorrectIt() throws Exception {
        new FixtureFleet(jdbc).clear().insertDay();
        rating.rate(FixtureFleet.TENANT, FixtureFleet.DAY);
        exports.writeDayAndInvoices(FixtureFleet.TENANT, FixtureFleet.DAY,
                List.of(invoices.refreshFor(FixtureFleet.TENANT, FixtureFleet.DAY)));
        exports.writeInvoices(List.of(invoices.close(FixtureFleet.TENANT, NOVEMBER, true)));
        jdbc.update("delete from usage_hour where container_id = 105");
        rating.rate(FixtureFleet.TENANT, FixtureFleet.DAY);
        exports.writeDayAndInvoices(FixtureFleet.TENANT, FixtureFleet.DAY,
                List.of(invoices.refreshFor(FixtureFleet.TENANT, FixtureFleet.DAY)));
        renameWeb1OnDecember2();
        jdbc.update("insert into flowbill_tenant (tenant_id) values (?) on conflict do nothing", OTHER_TENANT);
        acmeKey = keys.create(FixtureFleet.TENANT, ApiRole.READER, "portal test").text();
        browser = Browser.start();
    }

    @AfterAll
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aPersonWithoutASessionIsSentToSignInAndAWrongKeyIsRefused() {
        open("/portal/tenants/acme");
        assertThat(browser.driver.getCurrentUrl()).as("an unsigned visit").endsWith("/portal/sign-in");
        signIn("fb_aaaaaaaaaaaa_" + "A".repeat(43));
        assertThat(text(By.id("sign-in-failed"))).isEqualTo("That key was not accepted.");
    }

    @Test
    @Order(2)
    void signedInWithTheKeyTheMonthToDateShowsWhatPostgresHolds() throws IOException {
        signIn(acmeKey);
        assertThat(browser.driver.getCurrentUrl()).as("a tenant's key lands on its month").endsWith("/portal/tenants/acme");
        open("/portal/tenants/acme?month=2026-11");
        BigDecimal total = jdbc.queryForObject("select total from invoice where tenant_id = ? and billing_month = ?",
                BigDecimal.class, FixtureFleet.TENANT, java.sql.Date.valueOf(NOVEMBER.atDay(1)));
        assertThat(text(By.id("month-total"))).isEqualTo(ReportNumbers.grouped(total) + " CNY");
        assertThat(text(By.id("invoice-status"))).isEqualTo("FINAL");
        Map<String, String> days = table(By.id("days"), 0, 1);
        jdbc.query("select charge_date, sum(amount) from charge_line where tenant_id = ? group by charge_date", rs -> {
            assertThat(days).as("day %s", rs.getDate(1)).containsEntry(rs.getDate(1).toString(),
                    ReportNumbers.grouped(rs.getBigDecimal(2)));
        }, FixtureFleet.TENANT);
        assertThat(browser.driver.findElements(By.cssSelector("#daily-chart rect.day"))).as("a column per day")
                .hasSize(30);
        browser.screenshot(SCREENSHOTS.resolve("portal-month-to-date.png"));
    }

    @Test
    @Order(3)
    void theInvoicesAndCreditNotesAreListedAsStoredAndThePdfIsTheExportsBytes() throws IOException {
        open("/portal/tenants/acme/invoices");
        Map<String, String> totals = table(By.id("invoices"), 0, 3);
        jdbc.query("select billing_month, total, currency from invoice where tenant_id = ?", rs -> {
            String number = "acme-" + rs.getDate(1).toLocalDate().toString().substring(0, 7).replace("-", "");
            assertThat(totals).as("invoice %s", number).containsEntry(number,
                    ReportNumbers.grouped(rs.getBigDecimal(2)) + " " + rs.getString(3));
        }, FixtureFleet.TENANT);
        assertThat(totals).hasSize(jdbc.queryForObject("select count(*) from invoice where tenant_id = ?",
                Integer.class, FixtureFleet.TENANT));
        Map<String, String> notes = table(By.id("credit-notes"), 0, 3);
        jdbc.query("select sequence, total, currency from credit_note where tenant_id = ?", rs -> {
            assertThat(notes).containsEntry("acme-CN-202611-" + rs.getInt(1),
                    ReportNumbers.grouped(rs.getBigDecimal(2)) + " " + rs.getString(3));
        }, FixtureFleet.TENANT);
        assertThat(notes).as("credit notes").hasSize(1);
        browser.screenshot(SCREENSHOTS.resolve("portal-invoices.png"));

        browser.driver.findElement(By.cssSelector("#invoice-2026-11 a[href$='.pdf']")).click();
        Path downloaded = browser.downloads.resolve("invoice-2026-11.pdf");
        await().atMost(Patience.seconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Files.isRegularFile(downloaded) && Files.size(downloaded) > 0);
        assertThat(Files.readAllBytes(downloaded)).as("the PDF the portal serves and the one the export wrote")
                .isEqualTo(Files.readAllBytes(exportDir.resolve("acme/2026-11/invoice-2026-11.pdf")));
    }

    @Test
    @Order(4)
    void usageShowsEachContainersHoursAndTrafficWithItsNameAsOfTheDay() {
        open("/portal/tenants/acme/usage?date=" + FixtureFleet.DAY);
        Map<String, String> names = table(By.id("usage"), 0, 1);
        Map<String, String> outMb = table(By.id("usage"), 0, 4);
        assertThat(names).containsEntry("101", "web-1");
        jdbc.query("select container_id, sum(up_mb) from usage_hour where tenant_id = ? group by container_id", rs -> {
            assertThat(new BigDecimal(outMb.get(rs.getString(1)))).as("container %s", rs.getLong(1))
                    .isEqualByComparingTo(rs.getBigDecimal(2));
        }, FixtureFleet.TENANT);
        open("/portal/tenants/acme/exceptions");
        assertThat(browser.driver.findElements(By.cssSelector("#exceptions tbody tr"))).hasSize(jdbc.queryForObject(
                "select count(*) from metering_exception where tenant_id = ? and not resolved", Integer.class,
                FixtureFleet.TENANT));
    }

    @Test
    @Order(5)
    void theLanguageLinkTurnsThePagesChineseAndTheChoiceIsKept() throws IOException {
        open("/portal/tenants/acme?month=2026-11");
        browser.driver.findElement(By.id("language")).click();
        assertThat(browser.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh");
        assertThat(text(By.id("nav-month"))).isEqualTo("本月至今");
        browser.screenshot(SCREENSHOTS.resolve("portal-month-to-date-zh.png"));
        open("/portal/tenants/acme/invoices");
        assertThat(text(By.tagName("h1"))).as("the next page, by the kept choice").isEqualTo("账单");
        browser.driver.findElement(By.id("language")).click();
        assertThat(text(By.tagName("h1"))).isEqualTo("Invoices");
    }

    @Test
    @Order(6)
    void anotherTenantsPageAnswersTheSameNotFoundAsATenantThatDoesNotExist() {
        open("/portal/tenants/" + OTHER_TENANT);
        String other = text(By.tagName("main"));
        assertThat(text(By.id("not-found"))).isEqualTo("Not found");
        open("/portal/tenants/" + OTHER_TENANT + "/invoices/globex-202611/document.pdf");
        assertThat(text(By.tagName("main"))).isEqualTo(other);
        open("/portal/tenants/no-such-tenant");
        assertThat(text(By.tagName("main"))).isEqualTo(other);
    }

    @Test
    @Order(7)
    void signingOutEndsTheSession() {
        open("/portal/tenants/acme");
        browser.driver.findElement(By.id("sign-out")).click();
        assertThat(text(By.id("signed-out"))).isEqualTo("You are signed out.");
        open("/portal/tenants/acme");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/portal/sign-in");
    }

    @Test
    @Order(8)
    void anAdminKeyChoosesATenant() {
        signIn(keys.create(FixtureFleet.TENANT, ApiRole.ADMIN, "portal admin").text());
        assertThat(browser.driver.getCurrentUrl()).endsWith("/portal/tenants");
        browser.driver.findElement(By.linkText(OTHER_TENANT)).click();
        assertThat(text(By.id("tenant"))).isEqualTo(OTHER_TENANT);
        assertThat(text(By.id("invoice-status"))).as("globex has no invoice").isEqualTo("No invoice yet");
        open("/portal/tenants/no-such-tenant");
        assertThat(text(By.id("not-found"))).as("a tenant that does not exist, for an admin").isEqualTo("Not found");
    }

    @Test
    @Order(9)
    void theSessionCookieIsHttpOnlyAndStrictTheFormNeedsItsCsrfTokenAndRefusalsAre404() throws Exception {
        PortalHttp http = new PortalHttp(port);
        HttpResponse<String> withoutToken = http.signIn(acmeKey, false);
        assertThat(withoutToken.statusCode()).as("a sign-in without the CSRF token").isEqualTo(302);
        assertThat(withoutToken.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/portal/sign-in?expired"));
        assertThat(http.get("/portal/tenants/acme").statusCode()).as("not signed in").isEqualTo(302);

        HttpResponse<String> signedIn = http.signIn(acmeKey, true);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().allValues("Set-Cookie")).as("the new session's cookie")
                .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly")
                        .containsIgnoringCase("SameSite=Strict").doesNotContain(acmeKey));
        assertThat(http.get("/portal/tenants/acme").statusCode()).isEqualTo(200);
        HttpResponse<String> other = http.get("/portal/tenants/" + OTHER_TENANT + "/invoices");
        HttpResponse<String> missing = http.get("/portal/tenants/no-such-tenant/invoices");
        assertThat(other.statusCode()).as("another tenant's page").isEqualTo(404);
        assertThat(missing.statusCode()).as("a tenant that does not exist").isEqualTo(404);
        assertThat(withoutCsrf(other.body())).as("the two 404 pages, but for the address asked for")
                .isEqualTo(withoutCsrf(missing.body()).replace("no-such-tenant", OTHER_TENANT));
    }

    /** The page without its CSRF token, which is masked afresh in every answer. */
    private static String withoutCsrf(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
    }

    private void renameWeb1OnDecember2() {
        Timestamp renamed = Timestamp.from(FixtureFleet.local(LocalDate.of(2026, 12, 2), 0));
        jdbc.update("""
                insert into container_version (tenant_id, container_id, valid_from, first_observed_at, last_observed_at,
                  status, charge_type, spec_id, name)
                values (?, 101, ?, ?, ?, 'create_succ', 2, 20, 'web-1'), (?, 101, ?, ?, ?, 'create_succ', 2, 20, 'web-1 新名')
                """, FixtureFleet.TENANT, Timestamp.from(FixtureFleet.local(FixtureFleet.DAY, 0)),
                Timestamp.from(FixtureFleet.local(FixtureFleet.DAY, 0)),
                Timestamp.from(FixtureFleet.local(FixtureFleet.DAY, 0)), FixtureFleet.TENANT, renamed, renamed,
                renamed);
        jdbc.update("update container set name = 'web-1 新名' where tenant_id = ? and container_id = 101",
                FixtureFleet.TENANT);
    }

    private void signIn(String key) {
        open("/portal/sign-in");
        browser.driver.findElement(By.id("key")).sendKeys(key);
        WebElement submit = browser.driver.findElement(By.id("sign-in-submit"));
        submit.click();
        // the click may return before the answer replaces the page: wait until the form's page is gone
        await().atMost(Patience.seconds(15)).until(() -> {
            try {
                submit.isEnabled();
                return false;
            }
            catch (StaleElementReferenceException replaced) {
                return true;
            }
        });
    }

    private void open(String path) {
        browser.driver.get("http://127.0.0.1:" + port + path);
    }

    /** The element's text, waiting for it: a click that submits a form may return before the next page is shown. */
    private String text(By what) {
        return await().atMost(Patience.seconds(15)).ignoreException(NoSuchElementException.class)
                .until(() -> browser.driver.findElement(what).getText().strip(), shown -> true);
    }

    /** The table's rows as {@code key column -> value column}, by their visible text. */
    private Map<String, String> table(By table, int key, int value) {
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        for (WebElement row : browser.driver.findElement(table).findElements(By.cssSelector("tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            rows.put(cells.get(key).getText().strip(), cells.get(value).getText().strip());
        }
        return rows;
    }
}
