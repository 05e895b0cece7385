package org.nmt4j.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.corpus.SentencePair;
import org.nmt4j.corpus.generate.GeneratedCorpora;
import org.nmt4j.web.training.CorpusStore;
import org.nmt4j.web.training.TrainingJobs;
import org.nmt4j.web.training.TrainingLimits;
import org.nmt4j.web.training.TrainingRoutes;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Train page in headless Chromium: upload the generated number-words corpus as a TSV file, see what the readers
 * found, train a small GRU model, watch the curves and the probe sentence's matrix update validation by validation,
 * go back through them with the slider, and translate with the new model on the translate page. Skipped without
 * {@code /usr/bin/chromedriver}; screenshots in {@code target/screenshots/training-*.png}.
 */
class TrainingPageBrowserTest {

    @TempDir
    static Path tmp;

    private static TranslationServer server;
    private static WebDriver driver;

    @BeforeAll
    static void start() throws IOException {
        HeadlessChromium.assumeInstalled();
        TrainingLimits limits = TrainingLimits.defaults();
        TranslationService service = TranslationServices.fromModelsDirectory(tmp.resolve("models"));
        TrainingJobs jobs = new TrainingJobs(tmp.resolve("models"), new CorpusStore(tmp.resolve("corpora"), limits), service,
                limits, 1);
        server = TranslationServer.start(service, TranslationServerTest.testConfig(), new TrainingRoutes(jobs));
        driver = HeadlessChromium.start(tmp, null);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
    }

    @Test
    void uploadsTrainsWatchesTheAttentionFormAndTranslatesWithTheNewModel() throws IOException {
        Path tsv = tmp.resolve("numbers-de-en.tsv");
        StringBuilder lines = new StringBuilder();
        for (SentencePair p : GeneratedCorpora.forKind("numbers", Locale.GERMAN, Locale.ENGLISH, true).generate(1200, 5)) {
            lines.append(p.source()).append('\t').append(p.target()).append('\n');
        }
        Files.writeString(tsv, lines);

        driver.manage().window().setSize(new Dimension(1280, 1400));
        driver.get(server.url() + "/train.html");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> d.findElement(By.id("threads-note")).getText().contains("cores"));

        // 1. Upload: the page says what the readers found.
        driver.findElement(By.cssSelector("input[name='corpus-source'][value='upload']")).click();
        driver.findElement(By.id("up-name")).sendKeys("numbers");
        driver.findElement(By.id("up-src")).sendKeys("de");
        driver.findElement(By.id("up-tgt")).sendKeys("en");
        driver.findElement(By.id("up-files")).sendKeys(tsv.toString());
        driver.findElement(By.id("upload")).click();
        wait.until(d -> d.findElement(By.id("upload-result")).getText().startsWith("Stored corpus numbers"));
        String found = driver.findElement(By.id("upload-result")).getText();
        assertTrue(found.contains("read 1,200 pairs") && found.contains("held out for validation"), found);
        assertTrue(driver.findElement(By.id("corpus")).isDisplayed(), "back to the corpus picker, with the upload chosen");
        assertEquals("numbers", new Select(driver.findElement(By.id("corpus"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals("de → en", new Select(driver.findElement(By.id("direction"))).getFirstSelectedOption().getText());

        // 2. A small GRU for a few epochs.
        driver.findElement(By.id("name")).sendKeys("numbers-gru");
        new Select(driver.findElement(By.id("cell"))).selectByValue("gru");
        setNumber("embedding", 32);
        setNumber("hidden", 48);
        setNumber("epochs", 14);
        driver.findElement(By.id("probe")).sendKeys("drei hundert zwei und vierzig");
        driver.findElement(By.id("estimate")).click();
        wait.until(d -> d.findElement(By.id("estimate-result")).getText().startsWith("About "));
        assertTrue(driver.findElement(By.id("estimate-result")).getText().contains("per epoch"));
        driver.findElement(By.id("start")).click();

        // 3. Live: progress, curves and the probe's matrix, redrawn at each validation.
        wait.until(d -> d.findElement(By.id("live")).isDisplayed() || d.findElement(By.id("start-result")).getText().startsWith("Not"));
        assertTrue(driver.findElement(By.id("live")).isDisplayed(), driver.findElement(By.id("start-result")).getText());
        WebDriverWait training = new WebDriverWait(driver, Duration.ofMinutes(4));
        training.until(d -> d.findElement(By.id("progress-text")).getText().contains("target tokens/s"));
        training.until(d -> d.findElements(By.cssSelector("#loss-chart polyline")).size() == 2
                && d.findElements(By.cssSelector("#loss-chart circle")).size() >= 6);
        int cells = driver.findElements(By.cssSelector("#probe-map svg rect")).size();
        assertTrue(cells >= 6 * 2, "a matrix with a column per source token (and </s>), a row per word: " + cells);
        String early = driver.findElement(By.id("frame-label")).getText();
        ((JavascriptExecutor) driver).executeScript("document.getElementById('live').scrollIntoView()");
        HeadlessChromium.screenshot(driver, "training-live.png");

        training.until(d -> d.findElement(By.id("live-status")).getText().equals("finished"));
        assertTrue(driver.findElements(By.cssSelector("#bleu-chart polyline")).size() == 1);
        assertFalse(driver.findElement(By.id("frame-label")).getText().equals(early), "the slider follows new validations");
        // Back through the validations: the first one's matrix and label.
        WebElement slider = driver.findElement(By.id("frame"));
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = 0; arguments[0].dispatchEvent(new Event('input'))", slider);
        assertTrue(driver.findElement(By.id("frame-label")).getText().startsWith("validation 1 of "),
                driver.findElement(By.id("frame-label")).getText());
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[0].max; arguments[0].dispatchEvent(new Event('input'))", slider);
        String translation = driver.findElement(By.id("probe-translation")).getText();
        assertTrue(translation.startsWith("→ "), translation);
        // The job list follows within its refresh (every 3 s).
        wait.until(d -> d.findElement(By.cssSelector("#jobs .job .chip")).getText().equals("finished"));
        HeadlessChromium.screenshot(driver, "training-finished.png");

        // 4. The new model on the translate page, without a restart.
        WebElement use = driver.findElement(By.id("use-model"));
        assertTrue(use.isDisplayed());
        use.click();
        wait.until(d -> d.getCurrentUrl().contains("index.html?model=numbers-gru"));
        wait.until(d -> !d.findElements(By.cssSelector("#model option[value='numbers-gru']")).isEmpty());
        assertEquals("numbers-gru", new Select(driver.findElement(By.id("model"))).getFirstSelectedOption().getAttribute("value"));
        driver.findElement(By.id("source")).sendKeys("drei hundert zwei und vierzig");
        driver.findElement(By.id("translate")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        assertFalse(driver.findElements(By.cssSelector("#tgt-sentence .tok")).isEmpty());
    }

    private static void setNumber(String id, int value) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(String.valueOf(value));
    }
}
