package io.kelvin.energyoptimizer.model;

import io.kelvin.core.site.Site;

/** What the optimizer needs of a site: GPUs, their idle and busy kW, the grid connection. */
public record SiteModel(int gpus, double idleKwPerGpu, double activeKwPerGpu, double importLimitKw,
                        boolean exportAllowed) {

    public static SiteModel of(Site site) {
        return new SiteModel(site.cluster().gpus(), site.cluster().idleKwPerGpu(),
                site.cluster().activeKwPerGpu(), site.grid().importLimitKw(), site.grid().exportAllowed());
    }

    public double idleKw() {
        return gpus * idleKwPerGpu;
    }

    public SiteModel withImportLimit(double kw) {
        return new SiteModel(gpus, idleKwPerGpu, activeKwPerGpu, kw, exportAllowed);
    }
}
