package io.kelvin.core.series;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/** Text files as users save them. */
public final class TextInput {

    private static final int BYTE_ORDER_MARK = '\uFEFF';

    private TextInput() {
    }

    /**
     * {@code in} without the byte order mark that spreadsheet programs and some exports write at the start of
     * a UTF-8 file; left in, it would become part of the first column's name and no column mapping would find it.
     */
    public static BufferedReader withoutByteOrderMark(Reader in) throws IOException {
        BufferedReader buffered = in instanceof BufferedReader b ? b : new BufferedReader(in);
        buffered.mark(1);
        if (buffered.read() != BYTE_ORDER_MARK) {
            buffered.reset();
        }
        return buffered;
    }
}
