package io.kelvin.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The programs we did not write that check the exports: LibreOffice (headless, XLSX to CSV) and
 * poppler-utils ({@code pdftotext}, {@code pdftoppm}); Debian packages the launcher installs for tests.
 */
final class Tools {

    private static final long TIMEOUT_S = 120;

    private Tools() {
    }

    /**
     * Converts every sheet of {@code xlsx} to CSV (UTF-8, comma, cells as shown) in {@code dir} with
     * LibreOffice, in its own user profile so parallel runs do not share one; returns the CSV files.
     */
    static List<Path> libreOfficeCsv(Path xlsx, Path dir) {
        String filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";
        run(dir, List.of("soffice", "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(), "--headless",
                "--convert-to", filter, "--outdir", dir.toString(), xlsx.toString()));
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF's text as {@code pdftotext -layout} extracts it. */
    static String pdfText(Path pdf, Path dir) {
        Path text = dir.resolve(pdf.getFileName() + ".txt");
        run(dir, List.of("pdftotext", "-layout", pdf.toString(), text.toString()));
        try {
            return Files.readString(text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders every page to {@code prefix-N.png} at {@code dpi}. */
    static List<Path> pdfPages(Path pdf, Path dir, String prefix, int dpi) {
        run(dir, List.of("pdftoppm", "-png", "-r", Integer.toString(dpi), pdf.toString(), dir.resolve(prefix).toString()));
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".png"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(Path dir, List<String> command) {
        try {
            Files.createDirectories(dir);
            Process process = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("tool-output.log").toFile()).start();
            if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish in " + TIMEOUT_S + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " exited with " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("tool-output.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }
}
