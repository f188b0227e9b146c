package io.kelvin.greenpower.dr.oadr;

import java.util.List;
import java.util.Optional;

/**
 * OpenADR 3.1 {@code resource} (a {@code VenResourceRequest} when {@code meta} is empty): one of a
 * VEN's resources, unique by name within its VEN.
 */
public record Resource(Optional<ObjectMetadata> meta, Optional<String> clientId, String resourceName, String venId,
                       List<String> targets, List<ValuesMap> attributes) {

    public Resource {
        targets = List.copyOf(targets);
        attributes = List.copyOf(attributes);
    }
}
