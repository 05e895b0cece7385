package org.nmt4j.cli;

import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.LengthPenalty;
import org.nmt4j.decode.Translator;
import picocli.CommandLine.Option;

/** The search options {@code translate} and {@code evaluate} share. */
public final class DecodingOptions {

    @Option(names = "--beam", defaultValue = "" + DecodeOptions.DEFAULT_BEAM, description = "Beam width; 1 = greedy search (batched).")
    int beam;

    @Option(names = "--alpha", defaultValue = "" + DecodeOptions.DEFAULT_LENGTH_ALPHA, description = "Length-penalty exponent; 0 ranks by raw log-probability.")
    double alpha;

    @Option(names = "--length-penalty", defaultValue = "gnmt", paramLabel = "KIND",
            description = "gnmt: logP / ((5+n)/6)^alpha; average: logP / n^alpha (n counts </s>).")
    String lengthPenalty;

    @Option(names = "--max-length-ratio", defaultValue = "" + DecodeOptions.DEFAULT_MAX_LENGTH_RATIO, description = "Output stops at ratio * source length + 10 tokens.")
    double maxLengthRatio;

    @Option(names = "--min-length-ratio", defaultValue = "" + DecodeOptions.DEFAULT_MIN_LENGTH_RATIO, paramLabel = "RATIO",
            description = "No </s> before floor(ratio * source length) tokens; whatever the ratio, never an empty translation.")
    double minLengthRatio;

    @Option(names = "--coverage-beta", defaultValue = "" + DecodeOptions.DEFAULT_COVERAGE_BETA, paramLabel = "BETA",
            description = "Weight of the GNMT coverage penalty, beta * sum_j log(min(attention to source word j, 1)), added to the score of finished hypotheses; 0 = off.")
    double coverageBeta;

    @Option(names = "--coverage-live", negatable = true, defaultValue = "" + DecodeOptions.DEFAULT_COVERAGE_LIVE, fallbackValue = "true",
            description = "Also apply the coverage penalty when ranking live hypotheses at each step (OpenNMT's -stepwise_penalty).")
    boolean coverageLive;

    @Option(names = "--block-ngram-repeat", defaultValue = "" + DecodeOptions.DEFAULT_BLOCK_NGRAM_REPEAT, paramLabel = "N",
            description = "A hypothesis may not produce an N-gram it already contains; 0 = off.")
    int blockNgramRepeat;

    @Option(names = "--block-exempt-punctuation", negatable = true, defaultValue = "" + DecodeOptions.DEFAULT_BLOCK_EXEMPT_PUNCTUATION, fallbackValue = "true",
            description = "N-grams holding a punctuation token are never blocked.")
    boolean blockExemptPunctuation;

    @Option(names = "--block-word-repeat", negatable = true, defaultValue = "" + DecodeOptions.DEFAULT_BLOCK_WORD_REPEAT, fallbackValue = "true",
            description = "A word may not follow itself (\"noir noir\") unless the training corpus repeats it back to back (\"nous nous\"); "
                    + "needs target.repeats in the model directory, which training writes (older models lack it: nothing is blocked).")
    boolean blockWordRepeat;

    @Option(names = "--batch", defaultValue = "" + Translator.DEFAULT_BATCH_SIZE, description = "Decoder rows per batch: sentences for greedy search; for beam search, batch / beam sentences (at least one) are searched together.")
    int batch;

    @Option(names = "--no-unk-replace", description = "Keep <unk> in the output instead of copying the most attended source token.")
    boolean noUnkReplace;

    @Option(names = "--ban-unk", description = "Never output <unk>: take the best real word instead (helps models with a capped target vocabulary; no copying of names).")
    boolean banUnk;

    /** The options as the decoder takes them, returning {@code nbest} hypotheses. */
    DecodeOptions toDecodeOptions(int nbest) {
        if (batch < 1) throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
        return new DecodeOptions(beam, nbest, alpha, maxLengthRatio, !noUnkReplace, LengthPenalty.parse(lengthPenalty),
                banUnk, coverageBeta, coverageLive, blockNgramRepeat, blockExemptPunctuation, blockWordRepeat, minLengthRatio);
    }
}
