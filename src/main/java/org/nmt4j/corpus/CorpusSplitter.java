package org.nmt4j.corpus;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Deterministic train/valid/test split by a hash of the normalised source side.
 *
 * <p>Each pair goes to a bucket {@code 0..9999} from the first four bytes of the SHA-1 of its source
 * (NFC, lowercased, whitespace collapsed); buckets below {@code valid * 10000} are validation, the next
 * {@code test * 10000} are test, the rest training. Hashing instead of shuffling means the split does not
 * depend on input order or a seed, and every copy of a sentence lands in the same split, so test sentences
 * never leak into training.
 *
 * @param valid fraction for validation, in [0, 1)
 * @param test  fraction for test, in [0, 1), with {@code valid + test < 1}
 */
public record CorpusSplitter(double valid, double test) {

    /** Number of hash buckets; fractions are resolved to 1/10000. */
    public static final int BUCKETS = 10_000;

    public CorpusSplitter {
        if (!(valid >= 0 && test >= 0 && valid + test < 1)) {
            throw new IllegalArgumentException("need valid >= 0, test >= 0 and valid + test < 1; got valid="
                    + valid + ", test=" + test);
        }
    }

    /** The three parts of a split, each in input order. */
    public record Split(List<SentencePair> train, List<SentencePair> valid, List<SentencePair> test) {
        public Split {
            train = List.copyOf(train);
            valid = List.copyOf(valid);
            test = List.copyOf(test);
        }
    }

    /** Which part a pair with this source goes to. */
    public enum Part { TRAIN, VALID, TEST;
        /** File name stem: train, valid, test. */
        public String stem() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Splits {@code pairs}. */
    public Split split(List<SentencePair> pairs) {
        MessageDigest sha1 = sha1();
        List<SentencePair> tr = new ArrayList<>();
        List<SentencePair> va = new ArrayList<>();
        List<SentencePair> te = new ArrayList<>();
        for (SentencePair p : pairs) {
            switch (part(p.source(), sha1)) {
                case TRAIN -> tr.add(p);
                case VALID -> va.add(p);
                case TEST -> te.add(p);
            }
        }
        return new Split(tr, va, te);
    }

    /** Which part {@code source} belongs to. */
    public Part part(String source) {
        return part(source, sha1());
    }

    private Part part(String source, MessageDigest sha1) {
        int b = bucket(source, sha1);
        int validEnd = (int) Math.round(valid * BUCKETS);
        int testEnd = validEnd + (int) Math.round(test * BUCKETS);
        return b < validEnd ? Part.VALID : b < testEnd ? Part.TEST : Part.TRAIN;
    }

    /** The bucket in {@code [0, BUCKETS)} of a source sentence. */
    public static int bucket(String source) {
        return bucket(source, sha1());
    }

    private static int bucket(String source, MessageDigest sha1) {
        byte[] d = sha1.digest(normalise(source).getBytes(StandardCharsets.UTF_8));
        int h = ((d[0] & 0xFF) << 24) | ((d[1] & 0xFF) << 16) | ((d[2] & 0xFF) << 8) | (d[3] & 0xFF);
        return Integer.remainderUnsigned(h, BUCKETS);
    }

    /** NFC, lowercase, runs of whitespace to one space, trimmed: "Hello  World " and "hello world" collide. */
    static String normalise(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return n.strip().replaceAll("[\\s\\u00A0\\u202F]+", " ");
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    /**
     * Writes each part as aligned files {@code train.SRC}, {@code train.TGT}, {@code valid.*}, {@code test.*}
     * in {@code dir} (UTF-8, {@code \n} line ends). Empty parts are written as empty files.
     *
     * @return the files written, in order
     */
    public static List<Path> write(Split split, Path dir, String sourceLang, String targetLang) throws IOException {
        if (sourceLang.equals(targetLang)) {
            throw new IllegalArgumentException("source and target language are both '" + sourceLang
                    + "'; the files train." + sourceLang + " would collide");
        }
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        List<List<SentencePair>> parts = List.of(split.train(), split.valid(), split.test());
        for (Part part : Part.values()) {
            List<SentencePair> pairs = parts.get(part.ordinal());
            Path src = dir.resolve(part.stem() + "." + sourceLang);
            Path tgt = dir.resolve(part.stem() + "." + targetLang);
            try (BufferedWriter ws = Files.newBufferedWriter(src, StandardCharsets.UTF_8);
                 BufferedWriter wt = Files.newBufferedWriter(tgt, StandardCharsets.UTF_8)) {
                for (SentencePair p : pairs) {
                    ws.write(oneLine(p.source()));
                    ws.write('\n');
                    wt.write(oneLine(p.target()));
                    wt.write('\n');
                }
            }
            written.add(src);
            written.add(tgt);
        }
        return written;
    }

    /** Line breaks inside a sentence would break alignment; they become spaces. */
    private static String oneLine(String s) {
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replaceAll("[\\r\\n]+", " ");
    }
}
