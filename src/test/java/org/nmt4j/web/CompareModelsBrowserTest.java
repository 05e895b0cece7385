package org.nmt4j.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.Translation;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page's "Compare models" mode in headless Chromium. The server holds two fakes that attend differently
 * ({@link FakeTranslationService}'s {@code en-de}, peaked and without {@code </s>}, and
 * {@link HonestFakeTranslationService}'s {@code en-fr-fake}, which parks most attention on {@code </s>}) and a model
 * that failed to load. Skipped without {@code /usr/bin/chromedriver}. The screenshot goes to
 * {@code target/screenshots/compare.png}.
 */
class CompareModelsBrowserTest {


    @TempDir
    static Path tmp;

    private static TranslationServer server;
    private static WebDriver driver;

    /** The two fakes behind one server, plus the failed model of {@link FakeTranslationService}. */
    static final class TwoFakes implements TranslationService {
        private final FakeTranslationService plain = new FakeTranslationService();
        private final HonestFakeTranslationService honest = new HonestFakeTranslationService();

        @Override
        public List<ModelInfo> models() {
            List<ModelInfo> all = new ArrayList<>();
            all.add(honest.models().get(0));
            all.addAll(plain.models().stream().filter(m -> !m.name().equals(FakeTranslationService.SLOW)).toList());
            return all;
        }

        @Override
        public Translation translate(String model, String text, DecodeOptions options) {
            return model.equals(HonestFakeTranslationService.MODEL) ? honest.translate(model, text, options)
                    : plain.translate(model, text, options);
        }

        @Override
        public boolean[] unknownSource(String model, List<String> sourceTokens) {
            return model.equals(HonestFakeTranslationService.MODEL) ? honest.unknownSource(model, sourceTokens) : null;
        }
    }

    @BeforeAll
    static void start() throws IOException {
        HeadlessChromium.assumeInstalled();
        server = TranslationServer.start(new TwoFakes(), TranslationServerTest.testConfig());
        driver = HeadlessChromium.start(tmp, null);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
    }

    @Test
    void comparesTwoModelsOnOneScaleAndShowsAFailureInItsOwnPanel() throws IOException {
        WebDriverWait wait = HeadlessChromium.openTranslatePage(driver, server.url(), 1280, 1100);

        WebElement choices = driver.findElement(By.id("compare-field"));
        assertFalse(choices.isDisplayed());
        driver.findElement(By.cssSelector("input[name='mode'][value='compare']")).click();
        assertTrue(choices.isDisplayed());
        assertFalse(driver.findElement(By.id("model")).isDisplayed());
        assertEquals("Compare", driver.findElement(By.cssSelector("#translate .label")).getText());
        // The two ready models are ticked to begin with; the failed one is offered, not ticked.
        assertEquals(List.of("en-fr-fake", "en-de"), checked());

        driver.findElement(By.id("source")).sendKeys("the cat sat");
        // Keyboard only: Tab from the text box reaches the model checkboxes; Space unticks one.
        WebElement first = driver.findElement(By.cssSelector("#compare-models input[value='en-fr-fake']"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus()", first);
        first.sendKeys(Keys.SPACE);
        driver.findElement(By.id("translate")).click();
        assertEquals("Pick two to four models to compare.", driver.findElement(By.id("error")).getText());
        first.sendKeys(Keys.SPACE);
        // Shift+Tab from the text box lands on the last model checkbox.
        driver.findElement(By.id("source")).sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertEquals("broken", driver.switchTo().activeElement().getAttribute("value"));
        driver.findElement(By.id("source")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));

        wait.until(d -> d.findElements(By.cssSelector("#compare-panels .compare-panel.done")).size() == 2);
        List<WebElement> panels = driver.findElements(By.cssSelector("#compare-panels .compare-panel"));
        assertEquals(2, panels.size());
        assertEquals("en-fr-fake", panels.get(0).findElement(By.tagName("h3")).getText());
        assertEquals("en-de", panels.get(1).findElement(By.tagName("h3")).getText());
        assertEquals("sat cat the", panels.get(0).findElement(By.className("compare-translation")).getText());
        assertEquals("sat cat the", panels.get(1).findElement(By.className("compare-translation")).getText());
        assertEquals("fr", panels.get(0).findElement(By.className("compare-translation")).getAttribute("lang"));
        assertTrue(panels.get(0).findElement(By.className("compare-score")).getText().startsWith("score −0.20"),
                panels.get(0).findElement(By.className("compare-score")).getText());
        assertTrue(panels.get(1).findElement(By.className("compare-score")).getText().startsWith("score −0.30"),
                panels.get(1).findElement(By.className("compare-score")).getText());
        // en-fr-fake: 3 words + </s> rows by the 3 words (</s> column hidden, drawn as bars); en-de: 4 rows by 3.
        assertEquals(4 * 3, panels.get(0).findElements(By.cssSelector("svg rect.cell")).size());
        assertEquals(4 * 3, panels.get(1).findElements(By.cssSelector("svg rect.cell")).size());
        assertEquals(4, panels.get(0).findElements(By.cssSelector("svg rect.eos-bar")).size());

        // One scale: both legends say absolute, and over the cells of both panels a larger weight is never lighter.
        String legend0 = panels.get(0).findElement(By.cssSelector("svg .legend-text")).getText();
        assertEquals(legend0, panels.get(1).findElement(By.cssSelector("svg .legend-text")).getText());
        assertTrue(legend0.startsWith("absolute:"), legend0);
        assertTrue(driver.findElement(By.id("compare-legend")).getText().startsWith("One scale for all models. Scale absolute:"),
                driver.findElement(By.id("compare-legend")).getText());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cells = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('#compare-panels rect.cell')).map(function (r) {"
                        + " var c = parseInt(r.getAttribute('fill').slice(1), 16);"
                        + " return { w: +r.dataset.weight, raw: +r.dataset.raw, light: (c >> 16) + ((c >> 8) & 255) + (c & 255) }; })");
        assertEquals(24, cells.size());
        for (Map<String, Object> a : cells) {
            assertEquals(((Number) a.get("raw")).doubleValue(), ((Number) a.get("w")).doubleValue(), 1e-6, "absolute: weight as given");
            for (Map<String, Object> b : cells) {
                if (((Number) a.get("w")).doubleValue() > ((Number) b.get("w")).doubleValue() + 1e-6) {
                    assertTrue(((Number) a.get("light")).longValue() <= ((Number) b.get("light")).longValue(), a + " vs " + b);
                }
            }
        }
        assertTrue(driver.findElement(By.id("announce")).getText().isEmpty()
                || driver.findElement(By.id("announce")).getText().startsWith("Compared"));
        wait.until(d -> d.findElement(By.id("announce")).getText().startsWith("Compared 2 models"));

        // Add the failed model: its panel says why, the others are drawn as before.
        driver.findElement(By.cssSelector("#compare-models input[value='broken']")).click();
        driver.findElement(By.id("translate")).click();
        wait.until(d -> d.findElements(By.cssSelector("#compare-panels .compare-panel.done")).size() == 3);
        panels = driver.findElements(By.cssSelector("#compare-panels .compare-panel"));
        assertEquals("broken", panels.get(2).findElement(By.tagName("h3")).getText());
        String error = panels.get(2).findElement(By.className("compare-error")).getText();
        assertTrue(error.contains(FakeTranslationService.BROKEN_ERROR), error);
        assertTrue(panels.get(2).findElements(By.cssSelector("svg")).isEmpty());
        assertEquals(12, panels.get(0).findElements(By.cssSelector("svg rect.cell")).size());
        assertEquals(12, panels.get(1).findElements(By.cssSelector("svg rect.cell")).size());
        assertFalse(driver.findElement(By.id("error")).isDisplayed());
        wait.until(d -> d.findElement(By.id("announce")).getText().contains("broken failed"));
        ((JavascriptExecutor) driver).executeScript("document.getElementById('compare-result').scrollIntoView()");
        screenshot("compare.png");

        // An edited sentence dims the comparison and says why.
        assertFalse(driver.findElement(By.id("compare-stale")).isDisplayed());
        driver.findElement(By.id("source")).sendKeys(" down");
        assertTrue(driver.findElement(By.id("compare-stale")).getText().startsWith("The sentence or the models have changed"));
        assertTrue(driver.findElement(By.id("compare-result")).getAttribute("class").contains("stale"));

        // Back to translate mode: the comparison is put away and the model select is back.
        driver.findElement(By.cssSelector("input[name='mode'][value='translate']")).click();
        assertFalse(driver.findElement(By.id("compare-result")).isDisplayed());
        assertTrue(driver.findElement(By.id("model")).isDisplayed());
    }

    private static List<String> checked() {
        return driver.findElements(By.cssSelector("#compare-models input:checked")).stream()
                .map(e -> e.getAttribute("value")).toList();
    }

    private static void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(driver, name);
    }
}
