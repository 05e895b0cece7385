package org.nmt4j.eval;

import org.nmt4j.corpus.WordAlignment;
import org.nmt4j.corpus.WordAlignment.Link;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scores word alignments against gold ones with sure/possible links (precision, recall, AER; see
 * {@link AlignmentScore}). Counts are summed over all sentences before dividing, as Och &amp; Ney and the usual
 * scripts do.
 */
public final class AlignmentScorer {

    private AlignmentScorer() {
    }

    /** Scores one test alignment per gold alignment (same order); only the test alignments' links count, all as A. */
    public static AlignmentScore score(List<WordAlignment> gold, List<WordAlignment> test) {
        if (gold.size() != test.size()) {
            throw new IllegalArgumentException("gold has " + gold.size() + " sentences, test has " + test.size());
        }
        long a = 0, s = 0, p = 0, as = 0, ap = 0;
        for (int i = 0; i < gold.size(); i++) {
            Set<Link> sure = gold.get(i).sure();
            Set<Link> possible = gold.get(i).possibleOrSure();
            Set<Link> links = test.get(i).possibleOrSure();
            a += links.size();
            s += sure.size();
            p += possible.size();
            for (Link l : links) {
                if (sure.contains(l)) as++;
                if (possible.contains(l)) ap++;
            }
        }
        return new AlignmentScore(gold.size(), a, s, p, as, ap);
    }

    /**
     * Scores a test file against a gold file, both Pharaoh lines ({@link WordAlignment#parse}), one per sentence.
     *
     * @param possibleFile optional second gold file whose links are all possible (the other common convention:
     *                     sure links in one file, possible ones in another); null when the gold file marks them
     * @throws InputFileException naming the file and line of a malformed link or a line-count mismatch
     */
    public static AlignmentScore scoreFiles(Path goldFile, Path possibleFile, Path testFile) throws IOException {
        List<WordAlignment> gold = read(goldFile);
        List<WordAlignment> test = read(testFile);
        if (possibleFile != null) {
            List<WordAlignment> possible = read(possibleFile);
            checkLines(goldFile, gold.size(), possibleFile, possible.size());
            for (int i = 0; i < gold.size(); i++) {
                Set<Link> p = new HashSet<>(gold.get(i).possible());
                p.addAll(possible.get(i).possibleOrSure());
                gold.set(i, new WordAlignment(gold.get(i).sure(), p));
            }
        }
        checkLines(goldFile, gold.size(), testFile, test.size());
        return score(gold, test);
    }

    private static void checkLines(Path a, int na, Path b, int nb) throws InputFileException {
        if (na != nb) {
            throw new InputFileException(b, "has " + nb + " lines but " + a + " has " + na
                    + "; alignment files need one line per sentence pair");
        }
    }

    /** Every line of a Pharaoh file parsed; a malformed line is an error naming the file and line. */
    public static List<WordAlignment> read(Path file) throws IOException {
        List<String> lines = Utf8Lines.read(file);
        List<WordAlignment> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            try {
                out.add(WordAlignment.parse(lines.get(i)));
            } catch (IllegalArgumentException e) {
                throw new InputFileException(file, "line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }
}
