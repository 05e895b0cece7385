package org.nmt4j.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchCommandTest {

    /** A row of the table: clients, requests, req/s, p50, p95, p99, max, errors. */
    private static final Pattern ROW = Pattern.compile(
            "(?m)^ +(\\d+) +(\\d+) +([\\d.]+) +([\\d.]+) +([\\d.]+) +([\\d.]+) +([\\d.]+) +(\\d+)$");

    @Test
    void serveLoadsAnInProcessServerOverTheFixtureModel() {
        CliRun run = CliRun.of("bench", "serve", "--models", "src/test/resources/fixtures", "--clients", "1,2",
                "--seconds", "1", "--warmup", "0.5", "--beam", "3");
        assertEquals(0, run.exitCode(), run.err() + run.out());
        String out = run.out();
        assertTrue(out.contains("server: in-process at http://127.0.0.1:"), out);
        assertTrue(out.contains("load: model tiny-model, beam 3, a text of 15 source tokens; 1 s per level after one "
                + "0.5 s warm-up at 2 clients"), out);
        assertTrue(out.contains("warm-up: "), out);
        assertTrue(out.contains("clients  requests     req/s    p50 ms    p95 ms    p99 ms    max ms  errors"), out);
        Matcher rows = ROW.matcher(out);
        for (int clients : List.of(1, 2)) {
            assertTrue(rows.find(), "no row for " + clients + " clients in:\n" + out);
            assertEquals(clients, Integer.parseInt(rows.group(1)));
            assertTrue(Long.parseLong(rows.group(2)) > 0, rows.group());
            assertTrue(Double.parseDouble(rows.group(4)) <= Double.parseDouble(rows.group(7)), "p50 <= max: " + rows.group());
            assertEquals("0", rows.group(8), "errors: " + rows.group());
        }
        assertTrue(out.contains("server memory after the load: VmRSS "), out);
        assertTrue(out.matches("(?s).*\nRESULT serve: p50 [\\d.]+ ms at 1 client, max [\\d.]+ requests/s at [12] "
                + "clients?, peak RSS \\d+ MB \\(model tiny-model, 15 source tokens, 0 errors\\)\n"), out);
    }

    @Test
    void trainBuildsTheReferencesModelForTheSameFlags() {
        String[] common = {"bench", "train", "--train-tsv", "src/test/resources/bundled/numbers-de-en.tsv", "--src-lang",
                "de", "--tgt-lang", "en", "--tokenizer", "word", "--emb", "8", "--hidden", "8", "--batch", "8",
                "--warmup", "1", "--steps", "1", "--threads", "1"};
        CliRun unidirectional = CliRun.of(common);
        assertEquals(0, unidirectional.exitCode(), unidirectional.err() + unidirectional.out());
        assertTrue(unidirectional.out().contains("benchmark: lstm x1, additive attention, emb 8, hidden 8;"), unidirectional.out());
        assertTrue(unidirectional.out().contains("RESULT train: "), unidirectional.out());

        String[] withFlag = java.util.Arrays.copyOf(common, common.length + 1);
        withFlag[common.length] = "--bidirectional";
        CliRun bidirectional = CliRun.of(withFlag);
        assertEquals(0, bidirectional.exitCode(), bidirectional.err() + bidirectional.out());
        assertTrue(bidirectional.out().contains("benchmark: bi-lstm x1, additive attention"), bidirectional.out());
    }

    @Test
    void decodeTimesEveryModeAndWithPassesPrintsEachPassAndTheirMedian(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path src = dir.resolve("src.de");
        java.nio.file.Files.writeString(src, "eins zwei drei\nvier\nfünf sechs\n");
        String[] common = {"bench", "decode", "--model", "src/test/resources/fixtures/tiny-model", "--src", src.toString(),
                "--batch", "4", "--beam", "2"};
        CliRun one = CliRun.of(common);
        assertEquals(0, one.exitCode(), one.err() + one.out());
        for (String mode : List.of("greedy batch-1 ", "greedy batch-4 ", "beam-2 batch-1 ", "beam-2 batch-4 ")) {
            assertTrue(one.out().matches("(?s)(.*\n)?" + Pattern.quote(mode) + " *3 sentences +[\\d.]+ s +[\\d.]+ sentences/s\n.*"),
                    mode + " in:\n" + one.out());
        }
        assertTrue(!one.out().contains("median"), one.out());

        String[] withPasses = java.util.Arrays.copyOf(common, common.length + 2);
        withPasses[common.length] = "--passes";
        withPasses[common.length + 1] = "3";
        CliRun three = CliRun.of(withPasses);
        assertEquals(0, three.exitCode(), three.err() + three.out());
        for (int pass = 1; pass <= 3; pass++) {
            assertTrue(three.out().contains("greedy batch-4 #" + pass + " "), three.out());
            assertTrue(three.out().contains("beam-2 batch-1 #" + pass + " "), three.out());
        }
        Matcher median = Pattern.compile("(?m)^greedy batch-4 +median of 3 passes +([\\d.]+) sentences/s$").matcher(three.out());
        assertTrue(median.find(), three.out());
        List<Double> rates = new java.util.ArrayList<>();
        Matcher pass = Pattern.compile("(?m)^greedy batch-4 #\\d +3 sentences +[\\d.]+ s +([\\d.]+) sentences/s$").matcher(three.out());
        while (pass.find()) rates.add(Double.parseDouble(pass.group(1)));
        assertEquals(3, rates.size(), three.out());
        java.util.Collections.sort(rates);
        assertEquals(rates.get(1), Double.parseDouble(median.group(1)), 1e-9, "the middle pass");

        CliRun none = CliRun.of("bench", "decode", "--model", "src/test/resources/fixtures/tiny-model", "--src",
                src.toString(), "--passes", "0");
        assertEquals(1, none.exitCode());
        assertTrue(none.err().contains("bench decode: --passes must be at least 1, got 0"), none.err());
    }

    @Test
    void serveRefusesHostsOtherThanThisMachine() {
        CliRun run = CliRun.of("bench", "serve", "--url", "http://example.org:7070", "--seconds", "1");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("bench serve: --url host 'example.org' is not a loopback address"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void serveRefusesContradictoryTargets() {
        CliRun both = CliRun.of("bench", "serve", "--url", "http://127.0.0.1:7070", "--models", "models");
        assertEquals(1, both.exitCode());
        assertTrue(both.err().contains("give --models or --url, not both"), both.err());
        CliRun pid = CliRun.of("bench", "serve", "--pid", "1");
        assertEquals(1, pid.exitCode());
        assertTrue(pid.err().contains("--pid goes with --url"), pid.err());
        CliRun noModels = CliRun.of("bench", "serve", "--models", "src/test/resources/no-such-dir");
        assertEquals(1, noModels.exitCode());
        assertTrue(noModels.err().contains("no model directory (a folder with config.yaml) found under"), noModels.err());
    }

    @Test
    void serveHelpShowsTheDefaults() {
        String help = Main.commandLine().getSubcommands().get("bench").getSubcommands().get("serve").getUsageMessage();
        for (String expected : List.of("--models=DIR", "Default: models", "--clients=N[,N...]", "Default: 1,2,4",
                "--seconds", "Default: 20", "--warmup", "Default: 5", "--beam", "--url", "--pid", "--max-requests",
                "Default: 100000", "The young woman in the red coat")) {
            assertTrue(help.contains(expected), expected + " missing from:\n" + help);
        }
    }
}
