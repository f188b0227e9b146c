package io.kelvin.reports.archive;

import java.time.YearMonth;
import java.util.List;

/** One month's folder of the archive: its report files (csv, xlsx, pdf, eed) and the name of its manifest. */
public record ArchivedMonth(YearMonth month, String manifest, List<ArchivedFile> files) {

    public ArchivedMonth {
        files = List.copyOf(files);
    }
}
