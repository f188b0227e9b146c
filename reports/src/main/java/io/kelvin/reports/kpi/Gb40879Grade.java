package io.kelvin.reports.kpi;

/**
 * The energy-efficiency grade of China's GB 40879-2021 (数据中心能效限定值及能效等级, Maximum
 * allowable values of energy efficiency and energy efficiency grades for data centers), Table 1:
 * the data centre's electric energy ratio (电能比: total electricity / IT electricity over a year,
 * which is the annual PUE computed here) is grade 1 at or below 1.20, grade 2 at or below 1.30 and
 * grade 3 at or below 1.50; grade 3 is the maximum allowable value (能效限定值), above it the site
 * does not meet the standard. Grades are stated for annual figures; a shorter period's grade is
 * indicative only.
 */
public enum Gb40879Grade {
    GRADE_1(1.20),
    GRADE_2(1.30),
    GRADE_3(1.50),
    /** Above the maximum allowable value of 1.50. */
    ABOVE_LIMIT(Double.POSITIVE_INFINITY);

    public static final String SOURCE = "GB 40879-2021, Table 1: grade 1 <= 1.20, grade 2 <= 1.30, "
            + "grade 3 <= 1.50 (maximum allowable value); measured over a year";

    private final double maxPue;

    Gb40879Grade(double maxPue) {
        this.maxPue = maxPue;
    }

    /** The highest PUE (electric energy ratio) this grade allows. */
    public double maxPue() {
        return maxPue;
    }

    public static Gb40879Grade of(double pue) {
        for (Gb40879Grade grade : values()) {
            if (pue <= grade.maxPue) {
                return grade;
            }
        }
        return ABOVE_LIMIT;
    }

    public String label() {
        return switch (this) {
            case GRADE_1 -> "Grade 1";
            case GRADE_2 -> "Grade 2";
            case GRADE_3 -> "Grade 3 (the limit value)";
            case ABOVE_LIMIT -> "Above the limit value: does not meet the standard";
        };
    }
}
