package io.kelvin.web.overview;

import io.kelvin.core.site.Site;
import io.kelvin.core.site.load.SiteLoader;
import java.nio.file.Path;

/** The real demo site file, loaded once; tests run in the module folder (Maven's default). */
final class DemoSite {

    static final Site SITE = SiteLoader.load(Path.of("../site-configs/sites/demo-aidc.yaml"));

    private DemoSite() {
    }
}
