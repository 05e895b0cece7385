package org.nmt4j.cli;

import org.nmt4j.web.ModelInfo;
import org.nmt4j.web.ServerConfig;
import org.nmt4j.web.TranslationServer;
import org.nmt4j.web.TranslationService;
import org.nmt4j.web.TranslationServices;
import org.nmt4j.web.training.CorpusStore;
import org.nmt4j.web.training.TrainingJobs;
import org.nmt4j.web.training.TrainingLimits;
import org.nmt4j.web.training.TrainingRoutes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code serve}: start the web page and JSON API over the models in a directory. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        description = {"Serve the translation page and the JSON API (/api/translate, /api/models, /api/health, "
                + "/api/openapi.json) for every model directory under --models.",
                "Give the JVM a fixed heap; 512 MB is plenty (a request at the default limits needs tens of MB, "
                        + "ND4J's native memory comes on top): java -Xmx512m -jar nmt4j.jar serve. "
                        + "Request bodies, JSON, beam x nbest x length and slow clients are all bounded; bound to "
                        + "127.0.0.1 the server answers only to the Host names localhost, 127.0.0.1 and [::1] and "
                        + "refuses API calls from other sites' pages."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--models", paramLabel = "DIR", defaultValue = "models",
            description = "Directory whose subdirectories (each with a config.yaml) are the models to serve.")
    Path models;

    @Option(names = "--port", defaultValue = "7070", description = "TCP port to listen on (0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to bind: 127.0.0.1 for this machine only, 0.0.0.0 for every interface.")
    String host;

    @Option(names = "--max-chars", defaultValue = "1000", description = "Longest accepted input text, in characters.")
    int maxChars;

    @Option(names = "--max-beam", defaultValue = "16", description = "Largest accepted beam width.")
    int maxBeam;

    @Option(names = "--max-work", defaultValue = "64000",
            description = "Largest beam x nbest x characters one request may ask for (bounds its memory and time).")
    long maxWork;

    @Option(names = "--workers", defaultValue = "2", description = "Translations that run at the same time.")
    int workers;

    @Option(names = "--queue", defaultValue = "16",
            description = "Translations that may wait for a worker; beyond that requests get 503 busy.")
    int queue;

    @Option(names = "--timeout", defaultValue = "60",
            description = "Seconds a request may wait for its translation before 503.")
    int timeoutSeconds;

    @Option(names = "--read-timeout", defaultValue = "10",
            description = "Seconds a client may take to send a request's headers, and again its body.")
    int readTimeoutSeconds;

    @Option(names = "--allowed-hosts", paramLabel = "NAME", split = ",",
            description = "Extra Host names to answer to (any port), besides localhost, 127.0.0.1 and [::1]; "
                    + "* answers to any. Default: only those three when bound to a loopback address, any otherwise.")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--allowed-origins", paramLabel = "ORIGIN", split = ",",
            description = "Extra origins (e.g. https://example.org) whose pages may call the API, besides this "
                    + "server's own; * allows any.")
    List<String> allowedOrigins = new ArrayList<>();

    @Option(names = "--default-model", paramLabel = "NAME",
            description = "Model used when a request names none (default: the first model that loaded).")
    String defaultModel;

    @Option(names = "--allow-training",
            description = "Let the page train models (the Train page, /api/training): uploads are written under "
                    + "--corpora, models under --models. Off by default; anyone who can reach the server can then use "
                    + "its CPU and disk.")
    boolean allowTraining;

    @Option(names = "--corpora", paramLabel = "DIR", defaultValue = "corpora",
            description = "With --allow-training: the corpora the page can train on (folders with train.<lang> and "
                    + "valid.<lang> files), and where uploads go.")
    Path corpora;

    @Option(names = "--training-threads", paramLabel = "N",
            description = "With --allow-training: worker threads of a training step (default: one fewer than the "
                    + "cores, at least 1, so translations keep a core).")
    Integer trainingThreads;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws InterruptedException {
        TranslationServer server = start();
        if (server == null) return 2;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "nmt4j-serve-shutdown"));
        stopped.await();
        return 0;
    }

    /**
     * Finds the models and starts the server, printing where it listens.
     *
     * @return the running server, or null (after printing why) when there is no model or an option is invalid
     */
    TranslationServer start() {
        TranslationService service = TranslationServices.fromModelsDirectory(models);
        if (service.models().isEmpty() && !allowTraining) {
            err.println(noModelsMessage(models));
            return null;
        }
        ServerConfig config;
        try {
            config = new ServerConfig(host, port, maxChars, maxBeam, maxWork, workers, queue,
                    Duration.ofSeconds(timeoutSeconds), Duration.ofSeconds(readTimeoutSeconds), allowedHosts,
                    allowedOrigins, defaultModel, ServerConfig.defaultWebDirectory());
        } catch (IllegalArgumentException e) {
            err.println("serve: " + e.getMessage());
            return null;
        }
        if (defaultModel != null && service.models().stream().noneMatch(m -> m.name().equals(defaultModel))) {
            err.println("serve: --default-model " + defaultModel + " is not among the models under " + models);
            return null;
        }
        TrainingRoutes training;
        if (allowTraining) {
            int threads = trainingThreads != null ? trainingThreads
                    : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
            if (threads < 1) {
                err.println("serve: --training-threads must be at least 1");
                return null;
            }
            TrainingLimits limits = TrainingLimits.defaults();
            training = new TrainingRoutes(new TrainingJobs(models, new CorpusStore(corpora, limits), service, limits, threads));
            if (!config.loopbackOnly()) {
                err.println("serve: WARNING: training is allowed and the server is bound to " + host + ": anyone who can"
                        + " reach it can upload corpora and train models on this machine");
            }
        } else {
            training = new TrainingRoutes(null);
        }
        TranslationServer server = TranslationServer.start(service, config, training);
        for (ModelInfo m : service.models()) {
            out.println("  model " + m.name() + ": " + m.status() + (m.error() == null ? "" : " (" + m.error() + ")"));
        }
        out.println("page from " + server.pageSource());
        if (allowTraining) out.println("training page: " + server.url() + "/train.html (corpora in " + corpora + ")");
        out.println("nmt4j is serving on " + server.url() + "/  (API description: " + server.url()
                + "/api/openapi.json); press Ctrl+C to stop");
        return server;
    }

    /** What to tell a user who has no model yet. */
    static String noModelsMessage(Path models) {
        return "serve: no model directory (a folder with config.yaml) found under " + models.toAbsolutePath() + ".\n"
                + "Get one of these ways:\n"
                + "  - train one:           java -jar target/nmt4j.jar train --help\n"
                + "  - use the bundled one: copy or unpack the default model into " + models + "/<name>/\n"
                + "  - point elsewhere:     java -jar target/nmt4j.jar serve --models /path/to/models";
    }
}
