package org.nmt4j.modeldir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nmt4j.io.AtomicFiles;
import org.nmt4j.io.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where a model came from, in its directory's {@code provenance.json}: the nmt4j version and git commit of the
 * build that trained it (the commit when the jar was built from a git checkout; {@code dirty} when it had
 * uncommitted changes), the Java runtime, and the size and SHA-256 of every training and validation file, so a
 * model can be traced to its code and data. Each training session (the first run and every resume) adds an entry.
 */
public final class Provenance {

    /** The file in a model directory. */
    public static final String FILE = "provenance.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Provenance() {
    }

    /** The build: {@code version}, {@code commit}, {@code commitTime}, {@code dirty} (each "unknown" when not recorded). */
    public static Map<String, String> build() {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("/org/nmt4j/git.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // an unreadable resource means an unknown build, not a failed training
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("version", p.getProperty("git.build.version", "unknown"));
        out.put("commit", p.getProperty("git.commit.id", "unknown"));
        out.put("commitTime", p.getProperty("git.commit.time", "unknown"));
        out.put("dirty", p.getProperty("git.dirty", "unknown"));
        return out;
    }

    /**
     * Records a training session in {@code dir/provenance.json}: a new run ({@code resumed} false) starts the file
     * afresh with the data files' checksums; a resume adds a session to it.
     */
    public static void record(Path dir, TrainingConfig config, boolean resumed) throws IOException {
        Path file = dir.resolve(FILE);
        ObjectNode root;
        if (resumed && Files.isRegularFile(file)) {
            root = (ObjectNode) JSON.readTree(file.toFile());
        } else {
            root = JSON.createObjectNode();
            ObjectNode data = root.putObject("data");
            for (Map.Entry<String, String> e : dataFiles(config).entrySet()) {
                if (e.getValue() == null) continue;
                data.set(e.getKey(), describe(Path.of(e.getValue())));
            }
            if (config.initFrom() != null) {
                Path weights = Path.of(config.initFrom()).resolve(ModelDirectory.WEIGHTS);
                if (Files.isRegularFile(weights)) data.set("initFrom", describe(weights));
            }
            root.putArray("sessions");
        }
        ArrayNode sessions = root.has("sessions") ? (ArrayNode) root.get("sessions") : root.putArray("sessions");
        ObjectNode session = sessions.addObject();
        session.put("started", Instant.now().toString());
        session.put("resumed", resumed);
        build().forEach(session::put);
        session.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        session.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        AtomicFiles.writeString(file, JSON.writeValueAsString(root) + "\n");
    }

    private static Map<String, String> dataFiles(TrainingConfig c) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("trainTsv", c.data().trainTsv());
        files.put("trainSource", c.data().trainSource());
        files.put("trainTarget", c.data().trainTarget());
        files.put("validTsv", c.data().validTsv());
        files.put("validSource", c.data().validSource());
        files.put("validTarget", c.data().validTarget());
        files.put("sourceVocab", c.tokens().sourceVocab());
        files.put("targetVocab", c.tokens().targetVocab());
        return files;
    }

    private static ObjectNode describe(Path file) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("path", file.toString());
        n.put("bytes", Files.size(file));
        n.put("sha256", Sha256.of(file));
        return n;
    }
}
