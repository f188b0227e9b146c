package io.kelvin.reports.export;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One cell of a report table. A number is rounded once, here, to the decimals it is shown with, so
 * every format writes the same digits: CSV and PDF the text, XLSX the rounded value with a number
 * format of as many decimals.
 */
public sealed interface Cell permits Cell.Text, Cell.Number {

    /** The cell as shown: the text, or the number with its decimals ({@code 1.350}). */
    String shown();

    static Cell text(String text) {
        return new Text(text);
    }

    static Cell number(double value, int decimals) {
        return new Number(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP), decimals);
    }

    record Text(String text) implements Cell {
        @Override
        public String shown() {
            return text;
        }
    }

    record Number(BigDecimal value, int decimals) implements Cell {
        @Override
        public String shown() {
            return value.signum() == 0 ? BigDecimal.ZERO.setScale(decimals).toPlainString() : value.toPlainString();
        }
    }
}
