package io.kelvin.core.site.load;

import java.util.ArrayList;
import java.util.List;

/** Collects problems across files so one load reports all of them, not just the first. */
final class Problems {

    private final List<ConfigProblem> list = new ArrayList<>();

    void add(String file, String path, String reason) {
        list.add(new ConfigProblem(file, path, reason));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    int size() {
        return list.size();
    }

    void throwIfAny() {
        if (!list.isEmpty()) {
            throw new SiteConfigException(list);
        }
    }
}
