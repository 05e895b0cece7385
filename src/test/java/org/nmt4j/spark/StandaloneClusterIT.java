package org.nmt4j.spark;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nmt4j.cli.Main;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Spark standalone cluster on this machine (loopback only): a Master and two Workers, each its own JVM, and
 * {@code spark-submit} of {@code target/nmt4j.jar spark translate}, whose output must equal the single-machine
 * {@code translate} output, and of {@code spark train}, whose model must load and translate.
 *
 * <p>The Spark home is assembled under {@code target/spark-home}: {@code jars/} links every jar of the test classpath
 * (Spark and its dependencies; the Worker starts executors with {@code java -cp SPARK_HOME/jars/*}, no scripts), and
 * {@code conf/}. Each process logs (slf4j-simple) to a file under {@code target/spark-cluster/}; executors log to
 * their worker's work directory. Runs in {@code mvn verify} (failsafe), after the jar is built.
 */
class StandaloneClusterIT {

    static final Path TARGET = Path.of("target").toAbsolutePath();
    static final Path HOME = TARGET.resolve("spark-home");
    static final Path RUN = TARGET.resolve("spark-cluster");
    static final Path APP_JAR = TARGET.resolve("nmt4j.jar");
    static final List<Process> PROCESSES = new ArrayList<>();
    static String masterUrl;

    @BeforeAll
    static void startCluster() throws Exception {
        assertTrue(Files.isRegularFile(APP_JAR), APP_JAR + " missing: run mvn verify (or package first)");
        assembleSparkHome();
        deleteRecursively(RUN);
        Files.createDirectories(RUN);
        int port = freePort();
        int ui = freePort();
        masterUrl = "spark://127.0.0.1:" + port;
        start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", "" + port,
                "--webui-port", "" + ui);
        for (int w = 1; w <= 2; w++) {
            start("worker" + w, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
                    "--memory", "1200m", "--webui-port", "" + freePort(),
                    "--work-dir", RUN.resolve("work" + w).toString(), masterUrl);
        }
        awaitWorkers(ui, 2, Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        for (Process p : PROCESSES) p.destroy();
        for (Process p : PROCESSES) {
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }

    @Test
    void translationJobGivesTheSingleMachineOutput() throws Exception {
        Path in = RUN.resolve("input.de");
        List<String> lines = new ArrayList<>();
        List<String> test = Files.readAllLines(Path.of("corpora/numbers-de-en/test.de"));
        for (int i = 0; i < 300; i++) lines.add(i % 50 == 49 ? "" : test.get(i % test.size()));
        Files.write(in, lines);
        Path single = RUN.resolve("single.en");
        int code = Main.commandLine().execute("translate", "--model", "models/numbers-de-en", "--beam", "3",
                "--input", in.toString(), "--output", single.toString());
        assertEquals(0, code);

        Path out = RUN.resolve("out.en");
        Process submit = start("submit", "org.apache.spark.deploy.SparkSubmit", "--master", masterUrl,
                "--conf", "spark.executor.memory=768m", "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.ui.enabled=false", "--conf", "spark.task.maxFailures=2",
                "--class", "org.nmt4j.cli.Main", APP_JAR.toString(),
                "spark", "translate", "--model", Path.of("models/numbers-de-en").toAbsolutePath().toString(),
                "--input", in.toString(), "--output", out.toString(), "--beam", "3", "--partitions", "4");
        boolean done = submit.waitFor(4, TimeUnit.MINUTES);
        if (!done) submit.destroyForcibly();
        String log = Files.readString(RUN.resolve("submit.log"));
        assertTrue(done, "spark-submit did not finish in 4 minutes; " + tail(log));
        assertEquals(0, submit.exitValue(), tail(log));
        assertTrue(log.contains("translated 300 lines in 4 partitions"), tail(log));
        assertEquals(Files.readAllLines(single), DistributedTranslationTest.partLines(out));
        assertBothWorkersRanTasks(log);
    }

    @Test
    void trainingJobWritesAModelThatLoadsAndTranslates() throws Exception {
        Path data = Files.createDirectories(RUN.resolve("train-data"));
        for (String part : List.of("train", "valid")) {
            for (String lang : List.of("de", "en")) {
                List<String> all = Files.readAllLines(Path.of("corpora/numbers-de-en/" + part + "." + lang));
                Files.write(data.resolve(part + "." + lang), all.subList(0, Math.min(part.equals("train") ? 400 : 40, all.size())));
            }
        }
        Path models = RUN.resolve("models");
        Process submit = start("submit-train", "org.apache.spark.deploy.SparkSubmit", "--master", masterUrl,
                "--conf", "spark.executor.memory=768m", "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.ui.enabled=false", "--conf", "spark.task.maxFailures=2",
                "--class", "org.nmt4j.cli.Main", APP_JAR.toString(),
                "spark", "train", "--name", "numbers-spark", "--models", models.toString(),
                "--train-src", data.resolve("train.de").toString(), "--train-tgt", data.resolve("train.en").toString(),
                "--valid-src", data.resolve("valid.de").toString(), "--valid-tgt", data.resolve("valid.en").toString(),
                "--src-lang", "de", "--tgt-lang", "en", "--cell", "gru", "--emb", "16", "--hidden", "16",
                "--batch", "16", "--epochs", "2", "--bleu-sample", "0", "--workers", "2", "--average-every", "5");
        boolean done = submit.waitFor(4, TimeUnit.MINUTES);
        if (!done) submit.destroyForcibly();
        String log = Files.readString(RUN.resolve("submit-train.log"));
        assertTrue(done, "spark-submit did not finish in 4 minutes; " + tail(log));
        assertEquals(0, submit.exitValue(), tail(log));
        assertTrue(log.contains("parameter averaging: 2 workers, averaged every 5 steps"), tail(log));
        assertTrue(log.contains("EPOCH END epoch 2"), tail(log));
        String out = new org.nmt4j.decode.Translator(org.nmt4j.modeldir.ModelDirectory.load(models.resolve("numbers-spark")))
                .translate("drei hundert zwei", org.nmt4j.decode.DecodeOptions.GREEDY).best().text();
        assertFalse(out.isBlank());
        assertBothWorkersRanTasks(log);
    }

    /** Both workers ran executors, and their executors ran tasks (an executor's stderr is WORK/app-id/executor-id/stderr). */
    static void assertBothWorkersRanTasks(String log) throws IOException {
        for (int w = 1; w <= 2; w++) {
            try (var files = Files.walk(RUN.resolve("work" + w))) {
                List<Path> stderr = files.filter(p -> p.getFileName().toString().equals("stderr")).toList();
                assertFalse(stderr.isEmpty(), "worker " + w + " ran no executor; " + tail(log));
                boolean ran = false;
                for (Path e : stderr) ran |= Files.readString(e).contains("Running task");
                assertTrue(ran, "worker " + w + "'s executors ran no task");
            }
        }
    }

    /** {@code target/spark-home} with {@code jars/} (links to the test classpath's jars) and an empty {@code conf/}. */
    static void assembleSparkHome() throws IOException {
        Path jars = HOME.resolve("jars");
        deleteRecursively(HOME);
        Files.createDirectories(jars);
        Files.createDirectories(HOME.resolve("conf"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry).toAbsolutePath();
            if (!entry.endsWith(".jar") || !Files.isRegularFile(jar) || jar.equals(APP_JAR)) continue;
            Path link = jars.resolve(jar.getFileName());
            if (Files.notExists(link)) Files.createSymbolicLink(link, jar);
        }
    }

    /** Starts {@code mainClass} in a JVM on the Spark home's jars, logging to {@code RUN/name.log}. */
    static Process start(String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", HOME.resolve("jars") + File.separator + "*", "-Xmx" + (name.startsWith("submit") ? "1g" : "256m")));
        cmd.addAll(javaModuleOptions());
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(RUN.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", HOME.toString());
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        PROCESSES.add(p);
        return p;
    }

    /** The --add-opens flags this JVM (the test) was started with, which Spark needs on Java 17. */
    static List<String> javaModuleOptions() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                        || a.startsWith("-Djdk.reflect.useDirectMethodHandle"))
                .toList();
    }

    static void awaitWorkers(int uiPort, int workers, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        Pattern alive = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + uiPort + "/json/")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = alive.matcher(last);
                if (m.find() && Integer.parseInt(m.group(1)) >= workers) return;
            } catch (IOException e) {
                last = e.toString(); // not up yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(workers + " workers did not register in " + timeout + ": " + last + "\nmaster log: "
                + tail(Files.readString(RUN.resolve("master.log"))));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static String tail(String log) {
        return log.length() <= 4000 ? log : "..." + log.substring(log.length() - 4000);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.notExists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
