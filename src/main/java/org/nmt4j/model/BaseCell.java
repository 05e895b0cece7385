package org.nmt4j.model;

/** What both implementations of {@link RecurrentCell} hold: the cell family, its size and where its weights live. */
abstract class BaseCell implements RecurrentCell {

    protected final CellType type;
    protected final int hidden;
    protected final Parameters params;
    /** Parameter-name prefix of this cell's weights, e.g. {@code encoder.l0.fw}. */
    protected final String prefix;

    BaseCell(CellType type, int hidden, Parameters params, String prefix) {
        this.type = type;
        this.hidden = hidden;
        this.params = params;
        this.prefix = prefix;
    }

    @Override
    public State zeroState(int batch) {
        return RecurrentCell.zeroState(type, params.dataType(), batch, hidden);
    }
}
