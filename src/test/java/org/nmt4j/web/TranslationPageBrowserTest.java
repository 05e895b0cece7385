package org.nmt4j.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the page in headless Chromium against a server with {@link FakeTranslationService} behind it.
 * Skipped when {@code /usr/bin/chromedriver} is absent (Debian packages {@code chromium} and
 * {@code chromium-driver}). Screenshots go to {@code target/screenshots/}.
 */
class TranslationPageBrowserTest {


    @TempDir
    static Path tmp;

    private static TranslationServer server;
    private static TranslationServer bundled;
    private static TranslationServer subwords;
    private static WebDriver driver;
    private static Path downloads;

    @BeforeAll
    static void start() throws IOException {
        HeadlessChromium.assumeInstalled();
        server = TranslationServer.start(new FakeTranslationService(), TranslationServerTest.testConfig());
        bundled = TranslationServer.start(TranslationServices.fromModelsDirectory(Path.of("models")),
                TranslationServerTest.testConfig());
        subwords = TranslationServer.start(new SubwordFakeTranslationService(), TranslationServerTest.testConfig());
        downloads = Files.createDirectories(tmp.resolve("downloads"));

        driver = HeadlessChromium.start(tmp, downloads);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
        if (bundled != null) bundled.close();
        if (subwords != null) subwords.close();
    }

    @Test
    void translatesDrawsTheMatrixAndSwitchesAlternatives() throws IOException {
        open(1280, 1400);
        setNumber("beam", 4);
        setNumber("nbest", 3);
        WebElement source = driver.findElement(By.id("source"));
        source.sendKeys("the cat sat on the Mat");
        driver.findElement(By.id("translate")).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(5));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));

        // "Mat" came from <unk> replacement in the fake (capitalised tokens), and </s> closes the rows
        assertEquals("Mat the on sat cat the </s>", tokens("tgt-sentence"));
        assertEquals("the cat sat on the Mat", tokens("src-sentence"));
        assertEquals(List.of("Mat"), driver.findElements(By.cssSelector("#tgt-sentence .tok.unk")).stream()
                .map(WebElement::getText).toList());

        // 7 target rows (6 tokens + </s>) by 6 source columns
        List<WebElement> cells = driver.findElements(By.cssSelector("#heatmap svg rect.cell"));
        assertEquals(7 * 6, cells.size());
        assertEquals("7 × 6", driver.findElement(By.id("matrix-shape")).getText());

        // row 0 ("Mat") peaks on column 5: 1 / (1 + e^-1.5 + e^-3 + e^-4.5 + e^-6 + e^-7.5) = 1 / 1.287058 = 0.777
        hoverCell(0, 5);
        WebElement tooltip = driver.findElement(By.id("tooltip"));
        wait.until(ExpectedConditions.visibilityOf(tooltip));
        assertTrue(tooltip.getText().contains("0.777"), tooltip.getText());
        assertTrue(tooltip.getText().contains("Mat ← Mat"), tooltip.getText());
        assertActive("#tgt-sentence .tok.active", "Mat");
        assertActive("#src-sentence .tok.active", "Mat");
        screenshot("page.png");

        // the second alternative swaps the first two words; its row 0 ("the") peaks on column 4:
        // 1 / (1 + 2 e^-1.5 + e^-3 + e^-4.5 + e^-6) = 1 / 1.509635 = 0.662
        List<WebElement> alternatives = driver.findElements(By.cssSelector("#alternatives .alt"));
        assertEquals(3, alternatives.size());
        alternatives.get(1).click();
        assertEquals("true", driver.findElements(By.cssSelector("#alternatives .alt")).get(1).getAttribute("aria-pressed"));
        assertEquals("the Mat on sat cat the </s>", tokens("tgt-sentence"));
        hoverCell(0, 4);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tooltip"), "0.662"));
        assertTrue(driver.findElement(By.id("score")).getText().startsWith("score −1.10"),
                driver.findElement(By.id("score")).getText());

        // the raw matrix downloads as JSON
        driver.findElement(By.id("dl-json")).click();
        Path json = downloads.resolve("alignment-en-de-2.json");
        wait.until(d -> Files.exists(json));
        String saved = Files.readString(json);
        assertTrue(saved.contains("\"translation\": \"the Mat on sat cat the\""), saved);

        // the heatmap downloads as SVG (with all 42 cells) and as PNG rendered through a canvas
        driver.findElement(By.id("dl-svg")).click();
        Path svg = downloads.resolve("alignment-en-de-2.svg");
        wait.until(d -> Files.exists(svg));
        assertEquals(42, Files.readString(svg).split("class=\"cell\"", -1).length - 1);
        driver.findElement(By.id("dl-png")).click();
        Path png = downloads.resolve("alignment-en-de-2.png");
        wait.until(d -> Files.exists(png) && sizeOf(png) > 1000);
        byte[] magic = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
        assertEquals("\u0089PNG", new String(magic, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** The real thing: the bundled number-words model, decoded by the real Translator behind the real server. */
    @Test
    void translatesWithTheBundledNumbersModel() throws IOException {
        open(bundled, 1280, 1100);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("model"))).selectByValue("numbers-de-en");
        driver.findElement(By.id("source")).sendKeys("drei hundert ein und zwanzig");
        driver.findElement(By.id("translate")).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tgt-sentence"), "twenty-one"));
        assertEquals("three hundred twenty-one </s>", tokens("tgt-sentence"));
        assertEquals(4 * 5, driver.findElements(By.cssSelector("#heatmap svg rect.cell")).size(),
                "3 words + </s> by 5 words (the source </s> column is hidden by default)");
        hoverCell(0, 0);
        WebElement tooltip = driver.findElement(By.id("tooltip"));
        wait.until(ExpectedConditions.visibilityOf(tooltip));
        assertTrue(tooltip.getText().matches("(?s).*\\d\\.\\d{3}.*") && tooltip.getText().contains("three ← drei"),
                tooltip.getText());
        screenshot("bundled-model.png");
    }

    /**
     * The default bundled model, as a new user meets it: "I am hungry." comes out as French, and the word
     * "faim" attends most to "hungry".
     */
    @Test
    void translatesEnglishToFrenchWithTheBundledModel() throws IOException {
        open(bundled, 1280, 1100);
        assertEquals("en-fr", new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("model")))
                .getFirstSelectedOption().getAttribute("value"), "the page opens on the English→French model");
        driver.findElement(By.id("source")).sendKeys("I am hungry.");
        driver.findElement(By.id("translate")).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tgt-sentence"), "faim"));
        assertEquals("I am hungry . </s>", tokens("src-sentence"));
        List<String> target = driver.findElements(By.cssSelector("#tgt-sentence .tok")).stream()
                .map(WebElement::getText).toList();
        // by default the source </s> column is hidden (its share of each row drawn beside it) on the absolute scale;
        // the per-row scale rescales each row over the 4 source words
        assertEquals(target.size() * 4, driver.findElements(By.cssSelector("#heatmap svg rect.cell")).size());
        assertEquals(target.size(), driver.findElements(By.cssSelector("#heatmap .eos-share")).size());
        ((JavascriptExecutor) driver).executeScript("document.querySelector('.output-card').scrollIntoView()");
        screenshot("honest-matrix.png");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("scale"))).selectByValue("row");
        int faim = target.indexOf("faim");
        List<Double> weights = rowWeights(faim);
        assertEquals(1.0, weights.stream().mapToDouble(Double::doubleValue).sum(), 1e-4);
        assertEquals(2, weights.indexOf(weights.stream().max(Double::compare).orElseThrow()),
                "'faim' should look at 'hungry' most: " + weights);
        hoverCell(faim, 2);
        WebElement tooltip = driver.findElement(By.id("tooltip"));
        wait.until(ExpectedConditions.visibilityOf(tooltip));
        assertTrue(tooltip.getText().contains("faim ← hungry") && tooltip.getText().contains("raw 0."), tooltip.getText());
        screenshot("bundled-en-fr.png");

        // the raw attention, </s> column included, is one click away
        driver.findElement(By.id("words-only")).click();
        assertEquals(target.size() * 5, driver.findElements(By.cssSelector("#heatmap svg rect.cell")).size());
        assertEquals(1.0, rowWeights(faim).stream().mapToDouble(Double::doubleValue).sum(), 1e-4);
        driver.findElement(By.id("words-only")).click();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("scale"))).selectByValue("absolute");
    }

    /** A subword model shows words by default; its subwords are one click away, and back. */
    @Test
    void showsWordsOfASubwordModelAndItsSubwordsOneClickAway() throws IOException {
        open(subwords, 1280, 1100);
        driver.findElement(By.id("source")).sendKeys("the elephant sat");
        driver.findElement(By.id("translate")).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(5));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tgt-sentence"), "elephant"));
        assertEquals("the elephant sat", tokens("src-sentence"));
        assertEquals("sat elephant the </s>", tokens("tgt-sentence"));
        assertEquals(4 * 3, driver.findElements(By.cssSelector("#heatmap svg rect.cell")).size());
        WebElement toggle = driver.findElement(By.id("subword-units"));
        assertTrue(toggle.isDisplayed(), "the switch shows for a subword model");
        toggle.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("src-sentence"), "elep@@"));
        assertEquals("the elep@@ hant sat", tokens("src-sentence"));
        assertEquals("sat elep@@ hant the </s>", tokens("tgt-sentence"));
        assertEquals(5 * 4, driver.findElements(By.cssSelector("#heatmap svg rect.cell")).size());
        screenshot("subword-units.png");
        driver.findElement(By.id("subword-units")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("src-sentence"), "elephant"));
        assertEquals("the elephant sat", tokens("src-sentence"));

        open(1280, 1100);
        driver.findElement(By.id("source")).sendKeys("the cat");
        driver.findElement(By.id("translate")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        assertFalse(driver.findElement(By.id("subword-units")).isDisplayed(), "no switch for a word-level model");
    }

    @Test
    void showsApiErrorsInlineAndModelStatus() throws IOException {
        open(1280, 1000);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("model"))).selectByValue("broken");
        String info = driver.findElement(By.id("model-info")).getText();
        assertTrue(info.contains("failed") && info.contains(FakeTranslationService.BROKEN_ERROR), info);
        driver.findElement(By.id("source")).sendKeys("hello");
        driver.findElement(By.id("translate")).click();
        WebElement error = new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertTrue(error.getText().contains("model 'broken' failed to load"), error.getText());
        assertTrue(driver.findElement(By.id("result")).getAttribute("hidden") != null);
        screenshot("page-error.png");
    }

    @Test
    void fitsAPhoneScreen() throws IOException {
        open(375, 1400);
        driver.findElement(By.id("source")).sendKeys(
                "one two three four five six seven eight nine ten");
        driver.findElement(By.id("source")).sendKeys(org.openqa.selenium.Keys.CONTROL, org.openqa.selenium.Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        screenshot("page-375.png");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long pageWidth = (Long) js.executeScript("return document.documentElement.scrollWidth;");
        long viewport = (Long) js.executeScript("return window.innerWidth;");
        assertTrue(pageWidth <= viewport, "page is " + pageWidth + " px wide in a " + viewport + " px viewport");
        Boolean matrixScrolls = (Boolean) js.executeScript(
                "var w = document.getElementById('heatmap-wrap'); return w.scrollWidth > w.clientWidth;");
        assertTrue(matrixScrolls, "the matrix should scroll inside its card");
        assertFalse(driver.findElement(By.cssSelector("#heatmap svg")).findElements(By.cssSelector("rect.cell")).isEmpty());
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;   // still being written
        }
    }

    private static void open(int width, int height) {
        open(server, width, height);
    }

    private static void open(TranslationServer at, int width, int height) {
        HeadlessChromium.openTranslatePage(driver, at.url(), width, height);
    }

    private static List<Double> rowWeights(int row) {
        return driver.findElements(By.cssSelector("#heatmap rect.cell[data-row='" + row + "']")).stream()
                .map(c -> Double.parseDouble(c.getAttribute("data-weight"))).toList();
    }

    private static void setNumber(String id, int value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(Integer.toString(value));
    }

    private static String tokens(String containerId) {
        return String.join(" ", driver.findElements(By.cssSelector("#" + containerId + " .tok")).stream()
                .map(WebElement::getText).toList());
    }

    private static void hoverCell(int row, int col) {
        WebElement cell = driver.findElement(By.cssSelector(
                "#heatmap rect.cell[data-row='" + row + "'][data-col='" + col + "']"));
        new Actions(driver).moveToElement(cell).perform();
    }

    private static void assertActive(String selector, String expected) {
        List<String> active = driver.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
        assertEquals(List.of(expected), active, selector);
    }

    private static void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(driver, name);
    }
}
