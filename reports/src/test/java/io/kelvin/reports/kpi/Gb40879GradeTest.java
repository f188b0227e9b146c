package io.kelvin.reports.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Gb40879GradeTest {

    @Test
    void gradesFollowTable1OfTheStandardWithTheirLimitsIncluded() {
        // GB 40879-2021, Table 1: grade 1 <= 1.20, grade 2 <= 1.30, grade 3 <= 1.50
        assertThat(Gb40879Grade.of(1.10)).isEqualTo(Gb40879Grade.GRADE_1);
        assertThat(Gb40879Grade.of(1.20)).isEqualTo(Gb40879Grade.GRADE_1);
        assertThat(Gb40879Grade.of(1.2001)).isEqualTo(Gb40879Grade.GRADE_2);
        assertThat(Gb40879Grade.of(1.30)).isEqualTo(Gb40879Grade.GRADE_2);
        assertThat(Gb40879Grade.of(1.50)).isEqualTo(Gb40879Grade.GRADE_3);
        assertThat(Gb40879Grade.of(1.5001)).isEqualTo(Gb40879Grade.ABOVE_LIMIT);
    }
}
