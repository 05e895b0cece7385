package org.nmt4j.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 parts 1 and 5 in headless Chromium: the honest matrix ({@code </s>} share, scales, legend, coverage,
 * unknown words, exports), the headline, warnings, stale results, multi-line input, the health check, keyboard-only
 * use and WCAG AA contrast. Against {@link HonestFakeTranslationService}, a model that parks its attention on
 * {@code </s>}. Skipped without {@code /usr/bin/chromedriver}; screenshots go to {@code target/screenshots/}.
 */
class HonestPageBrowserTest {


    @TempDir
    static Path tmp;

    private static TranslationServer server;
    private static WebDriver driver;
    private static Path downloads;

    @BeforeAll
    static void start() throws IOException {
        HeadlessChromium.assumeInstalled();
        server = TranslationServer.start(new HonestFakeTranslationService(), TranslationServerTest.testConfig());
        downloads = Files.createDirectories(tmp.resolve("downloads"));
        driver = HeadlessChromium.start(tmp, downloads);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
    }

    @Test
    void showsTheEosShareScalesLegendCoverageUnknownWordsAndExportsThem() throws IOException {
        open(server, 1280, 1300);
        translate("Tom met Anna zzqx in Berlin");

        // the clean translation is the headline, marked as French
        WebElement headline = driver.findElement(By.id("headline"));
        assertEquals("Berlin in zzqx Anna met Tom", headline.getText());
        assertEquals("fr", headline.getAttribute("lang"));
        assertEquals("fr", driver.findElement(By.id("tgt-sentence")).getAttribute("lang"));

        // words only: 7 rows by 6 words, and the </s> share of every row beside it
        assertEquals(7 * 6, driver.findElements(By.cssSelector("#heatmap rect.cell")).size());
        List<WebElement> shares = driver.findElements(By.cssSelector("#heatmap .eos-share"));
        assertEquals(7, shares.size());
        assertEquals("97 %", shares.get(0).getText());
        assertEquals("60 %", shares.get(1).getText());
        assertEquals("100 %", shares.get(6).getText());
        // absolute scale (the default): the word cells hold the raw weights, 3 % in row 0
        assertEquals(0.03, sum(weights(0)), 1e-4);
        assertTrue(legend().contains("absolute"), legend());
        assertTrue(svgLegend().contains("absolute"), svgLegend());
        assertEquals(6, driver.findElements(By.cssSelector("#heatmap .coverage-sum")).size());

        // unknown source word marked in the tokens, the matrix and a warning
        assertEquals(List.of("zzqx"), driver.findElements(By.cssSelector("#src-sentence .tok.unk-src")).stream()
                .map(WebElement::getText).toList());
        assertEquals("zzqx (unknown)", driver.findElement(By.cssSelector("#heatmap .label.unknown")).getText());
        assertTrue(warnings().contains("Unknown to the model (it read <unk>): zzqx"), warnings());
        screenshot("honest-absolute.png");

        // per row: rows rescaled to 1, the 3 % row hatched, the legend says so
        new Select(driver.findElement(By.id("scale"))).selectByValue("row");
        assertEquals(1.0, sum(weights(0)), 1e-4);
        assertTrue(legend().contains("per row") && legend().contains("rescaled"), legend());
        assertTrue(svgLegend().startsWith("per row"), svgLegend());
        assertEquals(2, driver.findElements(By.cssSelector("#heatmap rect.low-mass")).size(), "row 0 (3 %) and the </s> row (0 %)");
        new Actions(driver).moveToElement(driver.findElement(By.cssSelector("#heatmap rect.cell[data-row='0'][data-col='0']"))).perform();
        WebElement tooltip = driver.findElement(By.id("tooltip"));
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOf(tooltip));
        assertTrue(tooltip.getText().contains("</s> took 97 %") && tooltip.getText().contains("mostly noise"), tooltip.getText());
        screenshot("honest-per-row.png");

        // log: a different legend with log ticks
        new Select(driver.findElement(By.id("scale"))).selectByValue("log");
        assertTrue(legend().contains("log scale"), legend());
        assertTrue(driver.findElement(By.cssSelector("#heatmap g.legend")).getText().contains("0.01"));

        // the export carries a title, the model, the view, the scale and the legend
        driver.findElement(By.id("dl-svg")).click();
        Path svg = downloads.resolve("alignment-en-fr-fake-1.svg");
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> Files.exists(svg));
        String saved = Files.readString(svg);
        assertTrue(saved.contains("class=\"export-title\"") && saved.contains("Tom met Anna zzqx in Berlin"), saved);
        assertTrue(saved.contains("model en-fr-fake"), saved);
        assertTrue(saved.contains("view: words only (&lt;/s&gt; column hidden"), saved);
        assertTrue(saved.contains("scale: log"), saved);
        assertTrue(saved.contains("class=\"legend-text\""), saved);
        assertTrue(saved.contains("<title>"), saved);

        // the table view: the same numbers for screen readers
        driver.findElement(By.id("table-toggle")).click();
        assertEquals("true", driver.findElement(By.id("table-toggle")).getAttribute("aria-pressed"));
        WebElement table = driver.findElement(By.cssSelector("#matrix-table table"));
        assertTrue(table.isDisplayed());
        assertEquals(7 + 2, table.findElements(By.tagName("tr")).size(), "header, 7 rows, coverage");
        assertTrue(table.getText().contains("</s> share") && table.getText().contains("97 %"), table.getText());
        driver.findElement(By.id("table-toggle")).click();
        new Select(driver.findElement(By.id("scale"))).selectByValue("absolute");
    }

    @Test
    void warnsOnEmptyAndLoopingOutputAndDimsStaleResults() throws IOException {
        open(server, 1280, 1100);
        translate("this comes out empty");
        assertTrue(warnings().contains("The translation is empty"), warnings());
        assertTrue(driver.findElement(By.id("headline")).getText().contains("empty translation"));

        translate("loop here please");
        assertTrue(warnings().contains("repeats itself"), warnings());
        assertTrue(driver.findElement(By.id("alternatives")).getText().contains("repeats"));
        screenshot("warnings.png");

        // an error dims the previous result and says why
        translate("@@fail", false);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertTrue(driver.findElement(By.id("result")).getAttribute("class").contains("stale"));
        assertTrue(driver.findElement(By.id("stale-note")).getText().contains("last request failed"));
        screenshot("stale.png");

        // a fresh result is not dimmed; an emptied box and a model switch dim it again
        translate("fine words");
        assertFalse(driver.findElement(By.id("result")).getAttribute("class").contains("stale"));
        driver.findElement(By.id("source")).clear();
        driver.findElement(By.id("source")).sendKeys("x", Keys.BACK_SPACE);
        assertTrue(driver.findElement(By.id("stale-note")).getText().contains("empty"));
        driver.findElement(By.id("source")).sendKeys("fine words");
        assertFalse(driver.findElement(By.id("result")).getAttribute("class").contains("stale"));
        new Select(driver.findElement(By.id("model"))).selectByValue("other");
        assertTrue(driver.findElement(By.id("stale-note")).getText().contains("from model en-fr-fake"));
        new Select(driver.findElement(By.id("model"))).selectByValue(HonestFakeTranslationService.MODEL);

        // beam and n-best are checked in the page before any request
        setNumber("beam", 0);
        assertEquals("true", driver.findElement(By.id("beam")).getAttribute("aria-invalid"));
        assertTrue(driver.findElement(By.id("number-error")).getText().contains("Beam must be a whole number from 1 to 8"));
        setNumber("beam", 3);
        setNumber("nbest", 5);
        assertTrue(driver.findElement(By.id("number-error")).getText().contains("N-best must be a whole number from 1 to 3"));
        setNumber("nbest", 2);
        assertFalse(driver.findElement(By.id("number-error")).isDisplayed());
    }

    @Test
    void translatesEachLineOnItsOwn() throws IOException {
        open(server, 1280, 1100);
        WebElement source = driver.findElement(By.id("source"));
        source.sendKeys("one two", Keys.SHIFT, Keys.ENTER, Keys.SHIFT, "three four five");
        driver.findElement(By.id("translate")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d ->
                d.findElements(By.cssSelector("#headline button.line")).size() == 2);
        List<WebElement> lines = driver.findElements(By.cssSelector("#headline button.line"));
        assertEquals("two one", lines.get(0).getText());
        assertEquals("five four three", lines.get(1).getText());
        assertEquals("one two </s>", tokens("src-sentence"));
        lines.get(1).click();
        assertEquals("three four five </s>", tokens("src-sentence"));
        assertEquals("true", driver.findElements(By.cssSelector("#headline button.line")).get(1).getAttribute("aria-pressed"));
        screenshot("lines.png");
    }

    @Test
    void worksWithTheKeyboardAlone() {
        open(server, 1280, 1100);
        setNumber("nbest", 3);
        driver.findElement(By.id("source")).sendKeys("alpha beta gamma");
        // Ctrl+Enter from the text box
        driver.findElement(By.id("source")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(5));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("headline"), "gamma beta alpha"));
        wait.until(d -> ((String) js("return document.getElementById('announce').textContent")).contains("Translation: gamma beta alpha"));

        // the target tokens are one Tab stop; arrows move within
        assertEquals(1L, js("return document.querySelectorAll('#tgt-sentence .tok[tabindex=\"0\"]').length"));
        js("document.getElementById('copy').focus()");
        active().sendKeys(Keys.TAB);
        assertEquals("gamma", active().getText());
        assertEquals("tgt-sentence", active().findElement(By.xpath("..")).getAttribute("id"));
        active().sendKeys(Keys.ARROW_RIGHT);
        assertEquals("beta", active().getText());
        active().sendKeys(Keys.END);
        assertEquals("</s>", active().getText());
        active().sendKeys(Keys.TAB);
        assertEquals("src-sentence", active().findElement(By.xpath("..")).getAttribute("id"), "one Tab leaves the target tokens");

        // Tab on to the heatmap; arrows move a cursor over the cells, announced
        for (int k = 0; k < 15 && !"heatmap-wrap".equals(active().getAttribute("id")); k++) active().sendKeys(Keys.TAB);
        assertEquals("heatmap-wrap", active().getAttribute("id"));
        assertEquals("visible", driver.findElement(By.cssSelector("#heatmap rect.cursor")).getAttribute("visibility"));
        active().sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_DOWN);
        String status = driver.findElement(By.id("cell-status")).getAttribute("textContent");
        assertTrue(status.startsWith("beta to beta: "), status);

        // choosing an alternative keeps the focus on it
        WebElement second = driver.findElements(By.cssSelector("#alternatives .alt")).get(1);
        js("arguments[0].focus()", second);
        active().sendKeys(Keys.ENTER);
        assertEquals("1", active().getAttribute("data-index"));
        assertEquals("true", active().getAttribute("aria-pressed"));

        // Ctrl+Enter anywhere translates: here from the alternative
        js("document.getElementById('source').value = 'delta epsilon'");
        active().sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("headline"), "epsilon delta"));
        assertFalse(((String) js("return document.getElementById('counter').getAttribute('aria-live') || ''")).equals("polite"),
                "the counter is not announced on every keystroke");
    }

    /** WCAG AA, computed in the page from the styles in use: 4.5:1 for text, 3:1 for borders, focus ring, highlight. */
    @Test
    void meetsWcagAaContrast() {
        open(server, 1280, 1100);
        translate("alpha zzbeta");
        js("document.getElementById('source').focus()");
        @SuppressWarnings("unchecked")
        Map<String, Object> ratios = (Map<String, Object>) js("""
                function rgb(c) { var m = c.match(/[\\d.]+/g).map(Number); return m.slice(0, 3); }
                function lum(c) { return rgb(c).map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                  .reduce(function (a, v, i) { return a + v * [0.2126, 0.7152, 0.0722][i]; }, 0); }
                function ratio(a, b) { var x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
                function style(sel) { return getComputedStyle(document.querySelector(sel)); }
                var white = 'rgb(255, 255, 255)';
                var bg = getComputedStyle(document.body).backgroundColor;
                var band = document.querySelector('#heatmap rect.band').getAttribute('stroke');
                var hex = function (h) { var n = parseInt(h.slice(1), 16); return 'rgb(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ')'; };
                var special = document.querySelector('#tgt-sentence .tok.special');
                return {
                  specialText: ratio(getComputedStyle(special).color, white),
                  unknownSource: ratio(style('#src-sentence .tok.unk-src').color, white),
                  mutedOnCard: ratio(style('.meta').color, white),
                  mutedOnPage: ratio(style('.tagline').color, bg),
                  warning: ratio(style('#warnings li').color, style('#warnings li').backgroundColor),
                  focusRing: ratio(style('#source').outlineColor, white),
                  inputBorder: ratio(style('#beam').borderTopColor, white),
                  highlight: ratio(hex(band), white),
                  svgSpecialLabel: ratio(hex(document.querySelector('#heatmap .eos-bars text').getAttribute('fill')), white)
                };
                """);
        for (String text : List.of("specialText", "unknownSource", "mutedOnCard", "mutedOnPage", "warning", "svgSpecialLabel")) {
            double r = ((Number) ratios.get(text)).doubleValue();
            assertTrue(r >= 4.5, text + " contrast " + r + " < 4.5: " + ratios);
        }
        for (String ui : List.of("focusRing", "inputBorder", "highlight")) {
            double r = ((Number) ratios.get(ui)).doubleValue();
            assertTrue(r >= 3.0, ui + " contrast " + r + " < 3: " + ratios);
        }
    }

    /** On a phone: row labels stay visible while the matrix scrolls sideways, and the tooltip stays on screen. */
    @Test
    void keepsRowLabelsAndTheTooltipOnAPhoneScreen() throws IOException {
        open(server, 375, 1000);
        translate("one two three four five six seven eight nine");
        js("var w = document.getElementById('heatmap-wrap'); w.scrollIntoView(); w.scrollLeft = 150;");
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> ((String) js(
                "return document.querySelector('#heatmap .sticky-labels').getAttribute('transform') || ''")).contains("150"));
        Number labelLeft = (Number) js("return document.querySelector('#heatmap .sticky-labels text.label').getBoundingClientRect().left");
        Number wrapLeft = (Number) js("return document.getElementById('heatmap-wrap').getBoundingClientRect().left");
        assertTrue(labelLeft.doubleValue() >= wrapLeft.doubleValue() - 1, "row label at " + labelLeft + ", matrix from " + wrapLeft);
        // a tap on the top-right cell (dispatched, so the driver does not scroll the matrix, which hides the tooltip)
        js("var w = document.getElementById('heatmap-wrap'); w.scrollLeft = w.scrollWidth;");
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !((String) js(
                "return document.querySelector('#heatmap .sticky-labels').getAttribute('transform')")).contains("(150,"));
        js("document.querySelector(\"#heatmap rect.cell[data-row='0'][data-col='8']\")"
                + ".dispatchEvent(new MouseEvent('click', {bubbles: true}))");
        WebElement tooltip = driver.findElement(By.id("tooltip"));
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOf(tooltip));
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) js("var r = document.getElementById('tooltip').getBoundingClientRect();"
                + "return {left: r.left, right: r.right, top: r.top, width: window.innerWidth};");
        assertTrue(((Number) box.get("left")).doubleValue() >= 0 && ((Number) box.get("top")).doubleValue() >= 0
                && ((Number) box.get("right")).doubleValue() <= ((Number) box.get("width")).doubleValue(), box.toString());
        screenshot("honest-375.png");
    }

    /** The header and the model chip follow the server: unreachable while it is stopped, back after a restart. */
    @Test
    void followsTheServerDownAndBackUp() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ServerConfig config = TranslationServerTest.testConfig().withPort(port);
        TranslationServer restartable = TranslationServer.start(new HonestFakeTranslationService(), config);
        try {
            open(restartable, 1280, 900);
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("health"), "online"));
            restartable.close();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("health"), "server unreachable"));
            assertTrue(driver.findElement(By.id("model-info")).getText().contains("server unreachable"));
            assertFalse(driver.findElement(By.id("model-info")).getText().contains("ready"));
            translate("alpha beta", false);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "Cannot reach the server"));
            restartable = TranslationServer.start(new HonestFakeTranslationService(), config);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("health"), "online"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("model-info"), "ready"));
            assertFalse(driver.findElement(By.id("error")).isDisplayed(), "the 'cannot reach' error goes once it is back");
        } finally {
            restartable.close();
        }
    }

    private static void open(TranslationServer at, int width, int height) {
        HeadlessChromium.openTranslatePage(driver, at.url(), width, height);
    }

    private static void translate(String text) {
        translate(text, true);
    }

    private static void translate(String text, boolean waitForIt) {
        WebElement source = driver.findElement(By.id("source"));
        source.clear();
        source.sendKeys(text);
        String before = (String) js("return document.getElementById('announce').textContent");
        driver.findElement(By.id("translate")).click();
        if (waitForIt) {
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> {
                String now = (String) js("return document.getElementById('announce').textContent");
                return !now.isEmpty() && !now.equals(before) && d.findElement(By.id("result")).isDisplayed();
            });
        }
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static WebElement active() {
        return driver.switchTo().activeElement();
    }

    private static String legend() {
        return driver.findElement(By.id("legend")).getText();
    }

    private static String svgLegend() {
        return driver.findElement(By.cssSelector("#heatmap .legend-text")).getText();
    }

    private static String warnings() {
        return driver.findElement(By.id("warnings")).getText();
    }

    private static List<Double> weights(int row) {
        return driver.findElements(By.cssSelector("#heatmap rect.cell[data-row='" + row + "']")).stream()
                .map(c -> Double.parseDouble(c.getAttribute("data-weight"))).toList();
    }

    private static double sum(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sum();
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

    private static void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(driver, name);
    }
}
