/**
 * Statistical word alignment, the classic baseline for attention links and the teacher of guided alignment:
 * {@link org.nmt4j.align.DiagonalAligner} (IBM Model 2 with fast_align's diagonal prior, or IBM Model 1, trained by
 * EM), {@link org.nmt4j.align.CorpusAligner} (both directions of a corpus, combined) and
 * {@link org.nmt4j.align.Symmetrization} (intersect and grow-diag, for statistical and attention links alike).
 */
package org.nmt4j.align;
