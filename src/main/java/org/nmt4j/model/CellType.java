package org.nmt4j.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The recurrent cell family used by encoder and decoder. */
public enum CellType {
    /** Vanilla (Elman) RNN: {@code h = tanh(W x + U h + b)}. */
    RNN(1),
    /** LSTM with input, forget, candidate and output blocks, in that order. */
    LSTM(4),
    /** GRU with update and reset gates and {@code h~ = tanh(W x + U (r * h) + b)}. */
    GRU(3);

    /** Number of H-wide blocks in the input projection. */
    public final int blocks;

    CellType(int blocks) {
        this.blocks = blocks;
    }

    /** The cell its lower-case name (as in config files and on the command line) names. */
    @JsonCreator
    public static CellType parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown cell '" + name + "'; use rnn, lstm or gru");
        }
    }

    /** The lower-case name: what configs store. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
