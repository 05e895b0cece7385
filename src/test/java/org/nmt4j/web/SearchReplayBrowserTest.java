package org.nmt4j.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * The step-by-step replay of a search in headless Chromium, with the bundled numbers model: step 1 extends
 * {@code <s>} alone, the beam's hypotheses grow step by step, and every candidate says what became of it.
 * Screenshot: {@code target/screenshots/search-replay.png}.
 */
class SearchReplayBrowserTest {

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
    void stepsThroughTheBeamSearch() throws IOException {
        WebDriverWait wait = HeadlessChromium.openTranslatePage(driver, server.url(), 1280, 1600);
        new Select(driver.findElement(By.id("model"))).selectByValue("numbers-de-en");
        WebElement beam = driver.findElement(By.id("beam"));
        beam.clear();
        beam.sendKeys("3");
        driver.findElement(By.id("source")).sendKeys("sieben hundert drei und vierzig");
        driver.findElement(By.id("translate")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        assertFalse(driver.findElement(By.id("replay")).isDisplayed());

        driver.findElement(By.id("replay-start")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("replay")));
        assertTrue(driver.findElement(By.id("replay-label")).getText().startsWith("step 1 of "));
        assertEquals(1, driver.findElements(By.cssSelector("#replay-live > li")).size(), "step 1 extends <s> alone");
        assertEquals(6, driver.findElements(By.cssSelector("#replay-live > li:first-child .replay-attention span")).size(),
                "five source words and </s>");
        List<WebElement> first = driver.findElements(By.cssSelector("#replay-candidates tr"));
        assertEquals("seven", first.get(0).findElements(By.tagName("td")).get(1).getText());
        assertEquals("kept", first.get(0).findElements(By.tagName("td")).get(4).getText());

        driver.findElement(By.id("replay-next")).click();
        assertTrue(driver.findElement(By.id("replay-label")).getText().startsWith("step 2 of "));
        assertEquals(3, driver.findElements(By.cssSelector("#replay-live > li")).size(), "a full beam of three");
        assertTrue(driver.findElement(By.cssSelector("#replay-live > li:first-child .replay-prefix")).getText().contains("<s> seven"));
        WebElement slider = driver.findElement(By.id("replay-step"));
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[0].max; arguments[0].dispatchEvent(new Event('input'))", slider);
        assertTrue(driver.findElements(By.cssSelector("#replay-candidates tr.outcome-finished")).size() >= 1,
                "the last step finishes a hypothesis");
        ((JavascriptExecutor) driver).executeScript("document.querySelector('.replay-card').scrollIntoView()");
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = 2; arguments[0].dispatchEvent(new Event('input'))", slider);
        HeadlessChromium.screenshot(driver, "search-replay.png");

        // The search options reach the search: a minimum length of twice the source bans </s> for ten steps.
        int steps = stepCount();
        driver.findElement(By.cssSelector("#search-options summary")).click();
        WebElement ratio = driver.findElement(By.id("min-length-ratio"));
        ratio.clear();
        ratio.sendKeys("2");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('replay-note').textContent = ''");
        driver.findElement(By.id("replay-start")).click();
        wait.until(d -> d.findElement(By.id("replay-note")).getText().startsWith("Beam"));
        assertTrue(stepCount() > 10 && stepCount() > steps, steps + " steps, then " + stepCount());
        driver.findElement(By.id("search-defaults")).click();
        assertEquals("0", ratio.getAttribute("value"));

        // A new translation clears the replay: it described the previous one.
        driver.findElement(By.id("translate")).click();
        assertFalse(driver.findElement(By.id("replay")).isDisplayed());
    }

    /** The number of steps the replay label gives ("step i of N"). */
    private static int stepCount() {
        String label = driver.findElement(By.id("replay-label")).getText();
        return Integer.parseInt(label.replaceAll("^step \\d+ of (\\d+).*$", "$1"));
    }
}
