package org.openhqd.platform.drg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.Chromium;
import org.openhqd.quality.DischargeRecord;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The import page in a real headless Chromium: choose a file, the page's script posts it raw with
 * the CSRF header, htmx polls the progress until the batch is committed, the rejected row is listed.
 * Same context as BrowserTest (same properties), skipped like it when the browser is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hqd.demo=true", "hqd.demo.patients=3000", "hqd.data-dir=target/test-data-browser",
        "spring.datasource.url=jdbc:h2:mem:hqd-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class DrgImportBrowserTest {

    static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser(@TempDir Path profile) {
        browser = Chromium.start(profile, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void uploadAFileFollowItsProgressAndSeeTheRejectedRow(@TempDir Path dir) throws Exception {
        List<DischargeRecord> records = CaseFiles.records("BR", 2000, 41).stream().map(CaseFiles::fitted).toList();
        String csv = CaseFiles.chineseCsv(records) + CaseFiles.csvLine(CaseFiles.chineseRow(records.get(0), null));
        Path file = CaseFiles.write(dir.resolve("出院结算清单.csv"), csv, StandardCharsets.UTF_8);

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        browser.findElement(By.id("username")).sendKeys("demo-quality");
        browser.findElement(By.id("password")).sendKeys(Api.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.titleContains("院长驾驶舱"));
        browser.get("http://localhost:" + port + "/drg/imports");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("drg-upload")));
        browser.findElement(By.cssSelector("#drg-upload input[type=file]")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#drg-upload button")).click();
        wait.until(ExpectedConditions.urlContains("batch="));
        // htmx replaces the progress every second until the batch is committed
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#drg-progress [data-status=COMMITTED]")));
        String progress = browser.findElement(By.id("drg-progress")).getText();
        assertThat(progress).contains("出院结算清单.csv").contains("已完成").contains("100 %").contains("2001");
        Path shot = Path.of("target", "browser-drg-imports.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        browser.findElement(By.cssSelector("#drg-progress a")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("drg-rejections")));
        assertThat(browser.findElement(By.id("drg-rejections")).getText()).contains("2002").contains(records.get(0).caseId())
                .contains("病案号在本文件第 2 行已出现");
        Files.write(Path.of("target", "browser-drg-import.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
