package org.nmt4j.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How the decoder scores encoder states. */
public enum AttentionType {
    /** Bahdanau: {@code e_ij = v^T tanh(W h_j + U s_{i-1})}. */
    ADDITIVE,
    /** Luong "general": {@code e_ij = h_j^T W s_{i-1}}. */
    MULTIPLICATIVE,
    /** Luong "dot": {@code e_ij = h_j^T s_{i-1}}; needs encoder output size == decoder hidden size. */
    DOT;

    /** The attention its lower-case name (as in config files and on the command line) names. */
    @JsonCreator
    public static AttentionType parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown attention '" + name + "'; use additive, multiplicative or dot");
        }
    }

    /** The lower-case name: what configs store. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
