package org.nmt4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmt4j.decode.TestModels;
import org.nmt4j.modeldir.ModelDirectory;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranslateCommandTest {

    static Path modelDir;
    static Path input;
    static final List<String> LINES = List.of("s1 s2 s3", "", "s4 s5", "   ", "s6 s7 s8 s9 s10 s11");

    @BeforeAll
    static void setUp(@TempDir Path dir) throws IOException {
        modelDir = dir.resolve("models/tiny");
        TestModels.random(modelDir, 41);
        input = dir.resolve("input.txt");
        Files.writeString(input, String.join("\n", LINES) + "\n");
    }

    static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1);
    }

    @Test
    void outputHasOneLinePerInputLineAndEmptyLinesStayEmpty(@TempDir Path dir) throws IOException {
        for (String beam : List.of("1", "3")) {
            Path out = dir.resolve("out" + beam + ".txt");
            CliRun run = CliRun.of("translate", "--model", modelDir.toString(), "--input", input.toString(),
                    "--output", out.toString(), "--beam", beam);
            assertEquals(0, run.exitCode(), run.err());
            List<String> got = lines(Files.readString(out));
            assertEquals(LINES.size(), got.size(), got.toString());
            assertEquals("", got.get(1));
            assertEquals("", got.get(3));
            org.nmt4j.decode.Translator translator = new org.nmt4j.decode.Translator(ModelDirectory.load(modelDir));
            assertEquals(translator.translate(LINES.get(4), org.nmt4j.decode.DecodeOptions.beam(Integer.parseInt(beam), 1)).best().text(),
                    got.get(4));
            assertTrue(run.err().contains("translated 5 lines"), run.err());
        }
    }

    @Test
    void greedyAndBeamOfOneWriteTheSameText() {
        CliRun greedy = CliRun.of("translate", "--model", modelDir.toString(), "--input", input.toString(), "--beam", "1");
        CliRun batchOfOne = CliRun.of("translate", "--model", modelDir.toString(), "--input", input.toString(), "--beam", "1", "--batch", "1");
        assertEquals(0, greedy.exitCode(), greedy.err());
        assertEquals(greedy.out(), batchOfOne.out());
        assertEquals(LINES.size(), lines(greedy.out()).size());
    }

    @Test
    void nbestListIsMosesFormatWithScoresDescending() {
        CliRun run = CliRun.of("translate", "--model", modelDir.toString(), "--input", input.toString(), "--beam", "4", "--nbest", "3");
        assertEquals(0, run.exitCode(), run.err());
        int[] perIndex = new int[LINES.size()];
        double previous = Double.POSITIVE_INFINITY;
        int lastIndex = -1;
        for (String line : lines(run.out())) {
            String[] f = line.split(" \\|\\|\\| ", -1);
            assertEquals(3, f.length, line);
            int index = Integer.parseInt(f[0]);
            double score = Double.parseDouble(f[2]);
            if (index != lastIndex) previous = Double.POSITIVE_INFINITY;
            assertTrue(index >= lastIndex && score <= previous, line);
            perIndex[index]++;
            previous = score;
            lastIndex = index;
        }
        assertEquals(1, perIndex[1]); // the empty line still gets its (empty) entry
        assertTrue(perIndex[0] >= 1 && perIndex[0] <= 3);
        assertTrue(run.out().contains("1 |||  ||| 0.000000"), run.out());
    }

    @Test
    void jsonAlignmentsHaveTheShapeOfTheTokens(@TempDir Path dir) throws IOException {
        Path align = dir.resolve("align.jsonl");
        CliRun run = CliRun.of("translate", "--model", modelDir.toString(), "--input", input.toString(),
                "--beam", "2", "--alignments", align.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> got = Files.readAllLines(align);
        assertEquals(LINES.size(), got.size());
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(got.get(0));
        assertEquals(List.of("s1", "s2", "s3", "</s>"), json.convertValue(first.get("source"), List.class));
        assertEquals(first.get("target").size(), first.get("alignment").size());
        assertEquals("</s>", first.get("target").get(first.get("target").size() - 1).asText());
        for (JsonNode row : first.get("alignment")) {
            assertEquals(4, row.size());
            double sum = 0;
            for (JsonNode w : row) sum += w.asDouble();
            assertEquals(1.0, sum, 1e-5);
        }
        JsonNode empty = json.readTree(got.get(1));
        assertEquals(0, empty.get("source").size());
        assertEquals(0, empty.get("alignment").size());
    }

    @Test
    void pharaohAlignmentsLinkEachTargetTokenToOneSourceToken(@TempDir Path dir) throws IOException {
        Path align = dir.resolve("align.txt");
        Path out = dir.resolve("out.txt");
        CliRun run = CliRun.of("translate", "--model", modelDir.toString(), "--input", input.toString(), "--output", out.toString(),
                "--beam", "1", "--alignments", align.toString(), "--alignment-format", "pharaoh");
        assertEquals(0, run.exitCode(), run.err());
        List<String> got = Files.readAllLines(align);
        List<String> translations = Files.readAllLines(out);
        assertEquals(LINES.size(), got.size());
        assertEquals("", got.get(1));
        String[] pairs = got.get(2).split(" ");
        assertEquals(translations.get(2).split(" ").length, pairs.length); // t-words detokenise with plain spaces
        for (int i = 0; i < pairs.length; i++) {
            assertTrue(pairs[i].matches("[01]-" + i), pairs[i]); // source "s4 s5": positions 0 and 1 only
        }
    }

    @Test
    void readsStdinByDefaultAndInteractiveAnswersEachLine() {
        for (boolean interactive : new boolean[]{false, true}) {
            List<String> args = new java.util.ArrayList<>(List.of("--model", modelDir.toString(), "--beam", "2"));
            if (interactive) args.add("--interactive");
            CliRun run = withStdin("s1 s2\n\ns3\n".getBytes(StandardCharsets.UTF_8), args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), run.err());
            List<String> got = lines(run.out());
            assertEquals(3, got.size(), run.out());
            assertEquals("", got.get(1));
            if (interactive) assertTrue(run.err().contains("> "), run.err());
        }
    }

    @Test
    void inputThatIsNotUtf8IsRefusedNamingTheLine(@TempDir Path dir) throws IOException {
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, "s1 s2\ns3 caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRun run = CliRun.of("translate", "--model", modelDir.toString(), "--input", latin1.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains(latin1 + ":2: invalid UTF-8 (is the file in another encoding?)"), run.err());
        assertEquals("", run.out());

        CliRun fromStdin = withStdin("s1 s2\ns3 caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1), "--model", modelDir.toString());
        assertEquals(1, fromStdin.exitCode());
        assertTrue(fromStdin.err().contains("stdin:2: invalid UTF-8"), fromStdin.err());
    }

    /** {@code translate} with these bytes on its standard input. */
    private static CliRun withStdin(byte[] stdin, String... args) {
        TranslateCommand command = new TranslateCommand();
        command.stdin = new ByteArrayInputStream(stdin);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Test
    void missingModelGivesAOneLineErrorNamingTheDirectory(@TempDir Path dir) {
        Path missing = dir.resolve("models/nope");
        CliRun run = CliRun.of("translate", "--model", missing.toString(), "--input", input.toString());
        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(missing.toString()) && run.err().contains("not found"), run.err());
    }

    @Test
    void corruptWeightsGiveAOneLineErrorNamingTheFile(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken");
        TestModels.random(broken, 42);
        Path weights = broken.resolve(ModelDirectory.WEIGHTS);
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(weights, bytes);
        CliRun run = CliRun.of("translate", "--model", broken.toString(), "--input", input.toString());
        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(weights.toString()) && run.err().contains("corrupt"), run.err());

        Files.write(weights, java.util.Arrays.copyOf(bytes, 100));
        CliRun truncated = CliRun.of("translate", "--model", broken.toString(), "--input", input.toString());
        assertEquals(1, truncated.exitCode());
        assertTrue(truncated.err().contains(weights.toString()), truncated.err());
    }

    @Test
    void badOptionsAndMissingInputAreOneLineErrors(@TempDir Path dir) {
        CliRun nbest = CliRun.of("translate", "--model", modelDir.toString(), "--beam", "2", "--nbest", "3");
        assertEquals(1, nbest.exitCode());
        assertTrue(nbest.err().contains("nbest must be in 1..2"), nbest.err());
        CliRun format = CliRun.of("translate", "--model", modelDir.toString(), "--alignment-format", "xml");
        assertEquals(1, format.exitCode());
        assertTrue(format.err().contains("xml"), format.err());
        Path nothing = dir.resolve("nothing.txt");
        CliRun noInput = CliRun.of("translate", "--model", modelDir.toString(), "--input", nothing.toString());
        assertEquals(1, noInput.exitCode());
        assertTrue(noInput.err().contains(nothing + ": input file not found"), noInput.err());
    }

    /** A copy of the test model whose config.yaml asks for an absurd hidden size. */
    static Path withAbsurdHidden(Path model, Path dir) throws IOException {
        Path broken = dir.resolve("models/huge");
        Files.createDirectories(broken);
        for (String f : List.of("config.yaml", "source.vocab", "target.vocab", "weights.bin")) {
            Files.copy(model.resolve(f), broken.resolve(f));
        }
        Path config = broken.resolve("config.yaml");
        Files.writeString(config, Files.readString(config).replaceAll("(?m)^( *)hidden: .*$", "$1hidden: 2000000000"));
        return broken;
    }

    @Test
    void anAbsurdSizeInTheModelConfigIsOneLineNamingTheFile(@TempDir Path dir) throws IOException {
        Path broken = withAbsurdHidden(modelDir, dir);
        CliRun run = CliRun.of("translate", "--model", broken.toString(), "--input", input.toString());
        assertEquals(1, run.exitCode());
        assertEquals("translate: " + broken.resolve("config.yaml") + ": hidden must be at most 8192, got 2000000000\n", run.err());
    }
}
