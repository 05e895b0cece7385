/**
 * Synthetic parallel corpora made from well-kept libraries: number words from ICU4J's rule-based spell-out
 * and dates from {@code java.time} locale formats. They train in a minute and show real word reordering
 * (German "ein und zwanzig" vs English "twenty-one"; "14. März" vs "March 14").
 *
 * <p>Generators are reproducible from a seed and never emit the same source twice. They live in main code
 * so that examples, the {@code generate} command and tests share them. Their pairs' true word alignments are known by
 * construction ({@link org.nmt4j.corpus.generate.NumberAlignments}, {@link org.nmt4j.corpus.generate.DateAlignments}),
 * as gold links for scoring attention.
 */
package org.nmt4j.corpus.generate;
