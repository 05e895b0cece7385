/**
 * Evaluation metrics: corpus BLEU and chrF computed exactly as sacreBLEU 2.x does with its default settings.
 *
 * <p>{@link org.nmt4j.eval.Tokenizer13a} is sacreBLEU's default BLEU tokeniser, {@link org.nmt4j.eval.Bleu}
 * and {@link org.nmt4j.eval.ChrF} turn hypotheses and references into sufficient statistics and scores, and
 * {@link org.nmt4j.eval.FileScorer} scores whole files (strict UTF-8, line counts checked). Scores carry the
 * sacreBLEU-style signature so that a number can always be traced to the exact metric configuration.
 * Text handling (whitespace, number formatting) follows Python's rules, because the definition being matched
 * is a Python program.
 *
 * <p>{@link org.nmt4j.eval.AlignmentScorer} scores word alignments against gold links with sure and possible
 * links (precision, recall and AER as in Och &amp; Ney 2003).
 */
package org.nmt4j.eval;
