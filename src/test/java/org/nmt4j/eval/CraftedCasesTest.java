package org.nmt4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crafted corpora (accents, Chinese, punctuation, empty lines, brevity penalty, multiple references, Unicode
 * whitespace, emoji, HTML entities) whose expected BLEU and chrF were computed with the reference implementation:
 * {@code python3 src/test/python/eval_expected_values.py /work/shared/reference} (bleu.py, sacreBLEU 2.x
 * defaults; the same cases also agree with sacreBLEU 2.6.0 itself to 1.5e-14).
 */
class CraftedCasesTest {

    record Case(String name, List<String> hyps, List<List<String>> refs, double bleu, String bleuLine, double chrf) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("french",
                        List.of("Le garçon mange une pomme très rouge.", "L'été dernier, nous sommes allés à Paris."),
                        List.of(List.of("Le garçon a mangé une pomme rouge.", "L'été dernier, nous sommes allés à Paris !")),
                        58.25634964006305, "BLEU = 58.26 82.4/66.7/46.2/45.5 (BP = 1.000 ratio = 1.000 hyp_len = 17 ref_len = 17)",
                        80.79170712829703),
                new Case("chinese",
                        List.of("我们在2024年去了北京。", "他喜欢喝茶，不喜欢喝咖啡。"),
                        List.of(List.of("我们2024年去了北京。", "他喜欢喝茶，不爱喝咖啡。")),
                        0.0, "BLEU = 0.00 0.0/0.0/0.0/0.0 (BP = 1.000 ratio = 1.000 hyp_len = 2 ref_len = 2)",
                        70.22353707035907),
                new Case("punctuation",
                        List.of("Well... (he said) \"yes\"; it costs $3.50, i.e. 1,000-2,000 & more!?", "[a]{b}<c>|d|~e~ `f` ^g^ _h_ @i# 10%-20% 3-4 a-b"),
                        List.of(List.of("Well ... (he said) \"no\"; it costs $3.50, i.e. 1,000-2,000 &amp; more!", "[a] {b} <c> |d| ~e~ `f` ^g^ _h_ @i# 10% - 20% 3 - 4 a-b")),
                        89.75252009467256, "BLEU = 89.75 95.2/91.8/88.1/84.2 (BP = 1.000 ratio = 1.000 hyp_len = 63 ref_len = 63)",
                        88.40093375488578),
                new Case("empty_lines",
                        List.of("The cat sat on the mat.", "", "A man in a blue shirt.", ""),
                        List.of(List.of("The cat sat on the mat.", "Nothing here.", "A man in a red shirt.", "")),
                        61.56585692455094, "BLEU = 61.57 92.9/83.3/70.0/62.5 (BP = 0.807 ratio = 0.824 hyp_len = 14 ref_len = 17)",
                        63.489552681404774),
                new Case("brevity",
                        List.of("A man is standing.", "Two dogs play."),
                        List.of(List.of("A man in a blue shirt is standing on a ladder.", "Two dogs play in the snow near a fence.")),
                        8.762860994251655, "BLEU = 8.76 100.0/57.1/20.0/16.7 (BP = 0.236 ratio = 0.409 hyp_len = 9 ref_len = 22)",
                        34.10021493397517),
                new Case("multi_ref",
                        List.of("A man is standing on a ladder.", "Two dogs are playing in the snow.", "It rains."),
                        List.of(List.of("A man in a blue shirt stands on a ladder.", "Two dogs play in snow.", "It is raining."), List.of("A man stands on a ladder.", "Two brown dogs are playing in the deep snow.", "Rain falls.")),
                        49.64192069663222, "BLEU = 49.64 84.2/62.5/38.5/30.0 (BP = 1.000 ratio = 1.188 hyp_len = 19 ref_len = 16)",
                        57.126163501139025),
                new Case("unicode_space",
                        List.of("a\u00a0b c\u3000d e\u2009f g", "x\u200by z", "tab\there "),
                        List.of(List.of("a b c d e f g", "x y z", "tab there")),
                        80.81583330705541, "BLEU = 80.82 81.8/75.0/100.0/100.0 (BP = 0.913 ratio = 0.917 hyp_len = 11 ref_len = 12)",
                        64.01808142723203),
                new Case("emoji",
                        List.of("I ❤\ufe0f NY 😀😀!", "Ça va? 🇫🇷"),
                        List.of(List.of("I ❤\ufe0f New York 😀!", "Ça va ? 🇫🇷")),
                        44.15034607719596, "BLEU = 44.15 77.8/57.1/40.0/33.3 (BP = 0.895 ratio = 0.900 hyp_len = 9 ref_len = 10)",
                        47.18788787067348),
                new Case("entities",
                        List.of("Tom &amp; Jerry &quot;run&quot; &lt;fast&gt;", "co-\noperate <skipped> now"),
                        List.of(List.of("Tom & Jerry \"run\" <fast>", "cooperate now")),
                        100.00000000000004, "BLEU = 100.00 100.0/100.0/100.0/100.0 (BP = 1.000 ratio = 1.000 hyp_len = 11 ref_len = 11)",
                        36.46677320216169),
                new Case("long_vs_short",
                        List.of("the the the the the the the the", "a b c d e f g h i j k l m n o p q"),
                        List.of(List.of("the cat is on the mat", "a b c d e f g h i j")),
                        40.29422067220275, "BLEU = 40.29 48.0/39.1/38.1/36.8 (BP = 1.000 ratio = 1.562 hyp_len = 25 ref_len = 16)",
                        39.29448418263373),
                new Case("short_segments",
                        List.of("Yes.", "No!", "Hi"),
                        List.of(List.of("Yes.", "No.", "Hello")),
                        0.0, "BLEU = 0.00 60.0/50.0/0.0/0.0 (BP = 1.000 ratio = 1.000 hyp_len = 5 ref_len = 5)",
                        46.60554464090809));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bleuMatchesReference(Case c) {
        BleuScore score = new Bleu().corpusScore(c.hyps(), c.refs());
        assertEquals(c.bleu(), score.score(), 1e-9);
        assertEquals(c.bleuLine(), score.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void chrfMatchesReference(Case c) {
        assertEquals(c.chrf(), new ChrF().corpusScore(c.hyps(), c.refs()).score(), 1e-9);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void statisticsAddUpOverSegments(Case c) {
        // scoring the corpus in two halves and summing the statistics gives the same corpus score
        Bleu bleu = new Bleu();
        ChrF chrf = new ChrF();
        int mid = c.hyps().size() / 2;
        List<List<String>> firstRefs = c.refs().stream().map(r -> r.subList(0, mid)).toList();
        List<List<String>> restRefs = c.refs().stream().map(r -> r.subList(mid, r.size())).toList();
        BleuStatistics b = bleu.statistics(c.hyps().subList(0, mid), firstRefs)
                .plus(bleu.statistics(c.hyps().subList(mid, c.hyps().size()), restRefs));
        ChrFStatistics f = chrf.statistics(c.hyps().subList(0, mid), firstRefs)
                .plus(chrf.statistics(c.hyps().subList(mid, c.hyps().size()), restRefs));
        assertEquals(c.bleu(), bleu.score(b).score(), 1e-9);
        assertEquals(c.chrf(), chrf.score(f).score(), 1e-9);
    }
}
