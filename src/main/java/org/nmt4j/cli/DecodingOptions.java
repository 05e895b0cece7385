package org.nmt4j.cli;

import org.nmt4j.decode.DecodeOptions;
import org.nmt4j.decode.LengthPenalty;
import org.nmt4j.decode.Translator;
import picocli.CommandLine.Option;

/** The search options {@code translate} and {@code evaluate} share. */
public final class DecodingOptions {

    @Option(names = "--beam", defaultValue = "5", description = "Beam width; 1 = greedy search (batched).")
    int beam;

    @Option(names = "--alpha", defaultValue = "1.0", description = "Length-penalty exponent; 0 ranks by raw log-probability.")
    double alpha;

    @Option(names = "--length-penalty", defaultValue = "gnmt", paramLabel = "KIND",
            description = "gnmt: logP / ((5+n)/6)^alpha; average: logP / n^alpha (n counts </s>).")
    String lengthPenalty;

    @Option(names = "--max-length-ratio", defaultValue = "2.0", description = "Output stops at ratio * source length + 10 tokens.")
    double maxLengthRatio;

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
                banUnk);
    }
}
