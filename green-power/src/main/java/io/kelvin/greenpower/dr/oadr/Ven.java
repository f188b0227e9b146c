package io.kelvin.greenpower.dr.oadr;

import java.util.List;
import java.util.Optional;

/**
 * OpenADR 3.1 {@code ven} (a {@code VenVenRequest} when {@code meta} is empty): the VEN as the VTN
 * knows it. Targets are granted by the VTN's business logic; a VEN never writes them.
 */
public record Ven(Optional<ObjectMetadata> meta, Optional<String> clientId, String venName, List<String> targets,
                  List<ValuesMap> attributes) {

    public Ven {
        targets = List.copyOf(targets);
        attributes = List.copyOf(attributes);
    }
}
