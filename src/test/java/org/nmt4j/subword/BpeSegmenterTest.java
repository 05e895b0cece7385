package org.nmt4j.subword;

import org.junit.jupiter.api.Test;
import org.nmt4j.corpus.SentencePair;
import org.nmt4j.corpus.generate.NumberWordsGenerator;
import org.nmt4j.tokenize.Tokenizer;
import org.nmt4j.tokenize.TokenizerConfig;
import org.nmt4j.tokenize.TokenizerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BpeSegmenterTest {

    private static final BpeSegmenter PAPER = new BpeSegmenter(new BpeLearner(10).learn(BpeLearnerTest.paperWords()));

    @Test
    void appliesMergesByRankAndMarksContinuations() {
        // lowest: s t</w> (0), e st</w> (1), l o (2), w est</w> (3) -> lo west
        assertEquals(List.of("lo@@", "west"), PAPER.segment("lowest"));
        assertEquals(List.of("newest"), PAPER.segment("newest"));
        assertEquals(List.of("low"), PAPER.segment("low"));
        assertEquals(List.of("lo@@", "w@@", "e@@", "r"), PAPER.segment("lower")); // "w e" is merge 11, not learned
        assertEquals(List.of("x"), PAPER.segment("x"));
        assertEquals(List.of("z@@", "wid@@", "e@@", "r"), PAPER.segment("zwider"));
    }

    @Test
    void joiningGivesBackEveryWordExactly() {
        for (String w : List.of("lowest", "a@@", "ab@@", "@@", "@", "@@@", "x@@y", "😀low😀", "l", "ééé", "newest@@")) {
            List<String> pieces = PAPER.segment(w);
            assertEquals(List.of(w), SubwordJoiner.join(pieces), w + " -> " + pieces);
            assertFalse(SubwordJoiner.continues(pieces.get(pieces.size() - 1)), "last piece of " + w + " ends the word");
        }
    }

    @Test
    void roundTripsGeneratedTextThroughTheWordTokenizer() {
        List<SentencePair> pairs = new NumberWordsGenerator(Locale.GERMAN, Locale.ENGLISH, 1, 999_999, false, true)
                .generate(400, 5);
        Tokenizer words = TokenizerFactory.create(TokenizerConfig.defaults("de"));
        Map<String, Long> counts = Subwords.countWords(pairs.subList(0, 200).stream().map(SentencePair::source).toList(),
                words, null);
        BpeSegmenter seg = new BpeSegmenter(new BpeLearner(60).learn(counts));
        SubwordTokenizer sub = new SubwordTokenizer(words, seg);
        int split = 0;
        for (SentencePair p : pairs) {
            List<String> tokens = sub.tokenize(p.source());
            split += tokens.size() - words.tokenize(p.source()).size();
            assertEquals(words.tokenize(p.source()), SubwordJoiner.join(tokens), p.source());
        }
        assertTrue(split > 0, "60 merges leave some words split");
    }

    @Test
    void spansPointIntoTheNormalisedText() {
        Tokenizer words = TokenizerFactory.create(TokenizerConfig.defaults("en"));
        SubwordTokenizer sub = new SubwordTokenizer(words, PAPER);
        var tokens = sub.tokenizeWithSpans("the lowest.");
        String norm = sub.normalize("the lowest.");
        List<String> covered = new ArrayList<>();
        for (var t : tokens) covered.add(norm.substring(t.start(), t.end()));
        assertEquals(List.of("t", "h", "e", "lo", "west", "."), covered);
    }

    @Test
    void dropoutIsReproducibleFromTheSeedAndStillJoins() {
        BpeSegmenter seg = PAPER;
        List<String> a = new ArrayList<>(), b = new ArrayList<>(), c = new ArrayList<>();
        Random ra = new Random(42), rb = new Random(42), rc = new Random(43);
        Set<List<String>> variants = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            List<String> x = seg.segment("newest", 0.3, ra);
            a.addAll(x);
            b.addAll(seg.segment("newest", 0.3, rb));
            c.addAll(seg.segment("newest", 0.3, rc));
            variants.add(x);
            assertEquals(List.of("newest"), SubwordJoiner.join(x));
        }
        assertEquals(a, b, "same seed, same pieces");
        assertNotEquals(a, c, "another seed, other pieces");
        assertTrue(variants.size() > 2, "dropout gives several segmentations: " + variants);
        assertEquals(seg.segment("newest"), seg.segment("newest", 0, null), "p = 0 is the deterministic segmentation");
        assertThrows(IllegalArgumentException.class, () -> seg.segment("x", 1.0, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> seg.segment("x", 0.1, null));
        assertThrows(IllegalArgumentException.class, () -> seg.segment("", 0, null));
    }

    @Test
    void dropoutTokenizerIsReproducible() {
        Tokenizer words = TokenizerFactory.create(TokenizerConfig.defaults("en"));
        String text = "the lowest and newest and widest and lower";
        List<String> first = new SubwordTokenizer(words, PAPER, 0.5, new Random(7)).tokenize(text);
        List<String> again = new SubwordTokenizer(words, PAPER, 0.5, new Random(7)).tokenize(text);
        assertEquals(first, again);
        assertEquals(words.tokenize(text), SubwordJoiner.join(first));
    }
}
