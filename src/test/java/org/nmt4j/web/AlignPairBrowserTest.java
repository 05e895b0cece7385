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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page's "Align a pair" mode in headless Chromium against a server with the bundled models. Skipped without
 * {@code /usr/bin/chromedriver}. The screenshot goes to {@code target/screenshots/align-pair.png}.
 */
class AlignPairBrowserTest {


    @TempDir
    static Path tmp;

    private static TranslationServer server;
    private static WebDriver driver;

    @BeforeAll
    static void start() throws IOException {
        HeadlessChromium.assumeInstalled();
        server = TranslationServer.start(TranslationServices.fromModelsDirectory(Path.of("models")),
                TranslationServerTest.testConfig());
        driver = HeadlessChromium.start(tmp, null);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
    }

    @Test
    void alignsATypedPairAndShowsTokenProbabilities() throws IOException {
        WebDriverWait wait = HeadlessChromium.openTranslatePage(driver, server.url(), 1280, 1150);
        new Select(driver.findElement(By.id("model"))).selectByValue("numbers-de-en");

        // Translate mode first: no target box; align mode shows it and hides beam and n-best.
        WebElement target = driver.findElement(By.id("target"));
        assertFalse(target.isDisplayed());
        driver.findElement(By.cssSelector("input[name='mode'][value='align']")).click();
        assertTrue(target.isDisplayed());
        assertFalse(driver.findElement(By.id("beam")).isDisplayed());
        assertEquals("Align", driver.findElement(By.cssSelector("#translate .label")).getText());

        // An empty target is caught in the page.
        driver.findElement(By.id("source")).sendKeys("sieben hundert ein und vierzig");
        driver.findElement(By.id("translate")).click();
        assertEquals("Type a translation of it to align.", driver.findElement(By.id("error")).getText());

        target.sendKeys("seven hundred forty-one");
        target.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));   // Ctrl+Enter in the target box aligns too
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("probs")));

        assertEquals("seven hundred forty-one </s>", text("#tgt-sentence .tok"));
        assertEquals("sieben hundert ein und vierzig </s>", text("#src-sentence .tok"));
        assertEquals("GIVEN TRANSLATION", driver.findElement(By.cssSelector(".output-card .field-label")).getText().toUpperCase());
        // Words only (the default): 4 rows by the 5 source words.
        assertEquals(4 * 5, driver.findElements(By.cssSelector("#heatmap svg rect.cell")).size());
        assertTrue(driver.findElement(By.id("score")).getText().startsWith("log P −"), driver.findElement(By.id("score")).getText());
        assertTrue(driver.findElement(By.id("score")).getText().contains("teacher-forced"));

        List<WebElement> probs = driver.findElements(By.cssSelector("#probs-list li"));
        assertEquals(4, probs.size());
        assertEquals("seven", probs.get(0).findElement(By.className("p-token")).getText());
        for (WebElement p : probs) {
            String value = p.findElement(By.className("p-value")).getText();
            assertTrue(value.endsWith(" %") && Double.parseDouble(value.replace(" %", "")) > 50, value);
        }
        assertTrue(driver.findElement(By.id("probs-meta")).getText().contains("links: 0-0 1-1"),
                driver.findElement(By.id("probs-meta")).getText());
        screenshot("align-pair-input.png");
        // The result with its whole matrix: scroll the typed pair's row of the form to the top.
        ((JavascriptExecutor) driver).executeScript("document.getElementById('target-field').scrollIntoView()");
        screenshot("align-pair.png");

        // A wrong translation: the model finds "twelve" improbable.
        target.clear();
        target.sendKeys("seven hundred twelve");
        driver.findElement(By.id("translate")).click();
        // the list is redrawn when the answer comes: an element found just before may go stale
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("#probs-list li:nth-child(3) .p-token")).getText().equals("twelve"));
        String twelve = driver.findElement(By.cssSelector("#probs-list li:nth-child(3) .p-value")).getText();
        assertTrue(twelve.contains("e-") || Double.parseDouble(twelve.replace(" %", "")) < 5, twelve);

        // Back to translate mode: the aligned result is cleared and translation works as before.
        driver.findElement(By.cssSelector("input[name='mode'][value='translate']")).click();
        assertFalse(driver.findElement(By.id("result")).isDisplayed());
        assertTrue(driver.findElement(By.id("beam")).isDisplayed());
        driver.findElement(By.id("translate")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        assertEquals("seven hundred forty-one </s>", text("#tgt-sentence .tok"));
        assertFalse(driver.findElement(By.id("probs")).isDisplayed());
    }

    private static String text(String selector) {
        return String.join(" ", driver.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList());
    }

    private static void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(driver, name);
    }
}
