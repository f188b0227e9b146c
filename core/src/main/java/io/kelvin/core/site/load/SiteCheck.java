package io.kelvin.core.site.load;

import io.kelvin.core.site.Site;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Command line check of a site file ({@code ./kelvin check-site FILE}): prints a summary of a valid
 * site, or every problem as {@code file: path: reason}, and exits 1 when there is any.
 */
public final class SiteCheck {

    private SiteCheck() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: SiteCheck SITE_FILE");
            System.exit(2);
        }
        System.exit(check(Path.of(args[0]), System.out, System.err));
    }

    static int check(Path file, PrintStream out, PrintStream err) {
        try {
            Site site = SiteLoader.load(file);
            out.printf("%s: site %s (%s) is valid: %d devices, %d points, %d meters%n", file, site.info().id(),
                    site.info().name(), site.devices().size(), site.points().size(), site.meters().size());
            return 0;
        } catch (SiteConfigException e) {
            err.println(e.getMessage());
            err.printf("%d problem(s) found%n", e.problems().size());
            return 1;
        }
    }
}
