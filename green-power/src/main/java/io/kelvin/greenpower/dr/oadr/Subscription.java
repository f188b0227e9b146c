package io.kelvin.greenpower.dr.oadr;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * OpenADR 3.1 {@code subscription} (a {@code subscriptionRequest} when {@code meta} is empty): which
 * operations on which objects the VTN notifies to which callback URL, with the bearer token the VTN
 * must present there.
 */
public record Subscription(Optional<ObjectMetadata> meta, Optional<String> clientId, String clientName,
                           Optional<String> programId, List<ObjectOperation> objectOperations, List<String> targets) {

    public Subscription {
        objectOperations = List.copyOf(objectOperations);
        targets = List.copyOf(targets);
    }

    public record ObjectOperation(List<ObjectType> objects, List<Operation> operations, URI callbackUrl,
                                  Optional<String> bearerToken) {

        public ObjectOperation {
            objects = List.copyOf(objects);
            operations = List.copyOf(operations);
        }
    }
}
