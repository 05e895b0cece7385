/**
 * Parallel corpora: reading sentence pairs strictly, summarising what was skipped, splitting into
 * train/valid/test and cutting encoded pairs into padded, length-bucketed batches.
 *
 * <p>Readers accept tab-separated pairs ({@code source<TAB>target[<TAB>attribution...]}, as in Tatoeba/anki
 * exports) or two line-aligned plain-text files; bad input raises {@link org.nmt4j.corpus.CorpusFormatException}
 * with file and line. Generated corpora live in {@code org.nmt4j.corpus.generate}. A
 * {@link org.nmt4j.corpus.WordAlignment} is the word alignment of one pair (sure and possible links, Pharaoh lines).
 */
package org.nmt4j.corpus;
