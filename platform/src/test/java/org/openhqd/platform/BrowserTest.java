package org.openhqd.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console in a real headless Chromium (Debian's chromium and chromium-driver): log in, navigate,
 * create a department, see it listed. Under CI=true a missing browser fails the test; elsewhere it is
 * skipped with a message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hqd.demo=true", "hqd.demo.patients=3000", "hqd.data-dir=target/test-data-browser",
        "spring.datasource.url=jdbc:h2:mem:hqd-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class BrowserTest {

    static WebDriver browser;

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeAll
    static void startBrowser(@TempDir Path profile) {
        browser = Chromium.start(profile, 900);
    }

    /** Each test logs in as its own user: forget the previous one's session. */
    @org.junit.jupiter.api.AfterEach
    void logOut() {
        if (browser != null) {
            browser.manage().deleteAllCookies();
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void logInNavigateCreateADepartmentAndSeeItListed() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/departments");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        assertThat(browser.getTitle()).contains("登录");
        browser.findElement(By.id("username")).sendKeys("demo-admin-a");
        browser.findElement(By.id("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.titleContains("院长驾驶舱"));
        assertThat(browser.getPageSource()).contains("机构管理员");
        wait.until(d -> d.findElements(By.cssSelector("#chart canvas")).size() > 0); // ECharts rendered

        browser.findElement(By.linkText("科室")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("add-department")));
        browser.findElement(By.id("dept-code")).sendKeys("0703");
        browser.findElement(By.id("dept-name")).sendKeys("新生儿科");
        browser.findElement(By.id("dept-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("departments"), "新生儿科"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("科室已创建");

        // the patient list pages through htmx: only the list is swapped, the URL follows
        browser.findElement(By.linkText("患者")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("patients")));
        String firstRow = browser.findElement(By.cssSelector("#patients tr:nth-child(2) td")).getText();
        browser.findElement(By.id("next-page")).click();
        wait.until(ExpectedConditions.urlContains("page=1"));
        wait.until(d -> !d.findElement(By.cssSelector("#patients tr:nth-child(2) td")).getText().equals(firstRow));
        assertThat(browser.findElement(By.cssSelector(".pager span")).getText()).contains("第 2 页");

        Path shot = Path.of("target", "browser-departments.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theDeskFindsAPatientAndBooksAWindowNumberThroughTheUi() throws Exception {
        org.openhqd.platform.support.Clinics clinics = new org.openhqd.platform.support.Clinics(jdbc);
        java.time.LocalDate day = java.time.LocalDate.now(org.openhqd.platform.support.Clinics.CHINA).plusDays(2);
        long dept = clinics.department("H001", "0302");
        long slot = clinics.session(clinics.institution("H001"), dept, null, day, java.time.LocalTime.of(18, 0), 1,
                java.util.Map.of("WINDOW", 2, "APP", 3)).get(0);
        long session = clinics.sessionOf(slot);
        String name = clinics.name(clinics.patient("H001", 3));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        browser.findElement(By.id("username")).sendKeys("demo-nurse");
        browser.findElement(By.id("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.titleContains("院长驾驶舱"));
        browser.findElement(By.id("nav-desk")).click();
        wait.until(ExpectedConditions.titleContains("挂号窗口"));

        browser.get("http://localhost:" + port + "/appointments/desk?date=" + day + "&department=" + dept + "&session=" + session);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("desk-slots")));
        browser.findElement(By.id("desk-q")).sendKeys(name);
        browser.findElement(By.id("desk-search-submit")).click(); // htmx POST: only the board is swapped
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#desk-patients .choose-patient")));
        String masked = browser.findElement(By.cssSelector("#desk-patients tr:nth-child(2) td:nth-child(4)")).getText();
        assertThat(masked).matches("\\d{3}\\*{11}\\d{3}[\\dX]");
        browser.findElement(By.cssSelector("#desk-patients .choose-patient")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("desk-patient"), masked));
        browser.findElement(By.cssSelector("#desk-slots button.book")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("desk-booked"), "预约成功：第 1 号，建议就诊时间 18:00"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("desk-queue"), masked));
        assertThat(browser.findElement(By.id("desk-queue")).getText()).contains("已预约").contains("窗口");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointment WHERE slot_id = :s AND channel = 'WINDOW' AND booked_by = 'demo-nurse'")
                .param("s", slot).query(Long.class).single()).isEqualTo(1);

        Path shot = Path.of("target", "browser-desk.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
