package io.kelvin.greenpower.dr.oadr;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the objects a VEN writes and reads back: ven, resource and subscription (OpenADR 3.1 schemas). */
final class VenObjectsReader {

    private VenObjectsReader() {
    }

    static Ven ven(JsonCursor c) {
        Optional<ObjectMetadata> meta = ObjectReader.venObjectMetadata(c, ObjectType.VEN);
        Optional<String> clientId = c.text("clientID", 1, 128);
        String name = c.requiredText("venName", 1, 128);
        List<ValuesMap> attributes = c.objects("attributes", v -> ObjectReader.valuesMap(v, Map.of()));
        return new Ven(meta, clientId, name, c.texts("targets", 128), attributes);
    }

    static Resource resource(JsonCursor c) {
        Optional<ObjectMetadata> meta = ObjectReader.venObjectMetadata(c, ObjectType.RESOURCE);
        Optional<String> clientId = c.text("clientID", 1, 128);
        String name = c.requiredText("resourceName", 1, 128);
        String venId = c.requiredObjectId("venID");
        List<ValuesMap> attributes = c.objects("attributes", v -> ObjectReader.valuesMap(v, Map.of()));
        return new Resource(meta, clientId, name, venId, c.texts("targets", 128), attributes);
    }

    static Subscription subscription(JsonCursor c) {
        Optional<ObjectMetadata> meta = ObjectReader.optionalMetadata(c);
        Optional<String> clientId = c.text("clientID", 1, 128);
        String clientName = c.requiredText("clientName", 1, 128);
        Optional<String> programId = c.objectId("programID");
        c.required("objectOperations");
        List<Subscription.ObjectOperation> operations = c.objects("objectOperations", VenObjectsReader::operation);
        return new Subscription(meta, clientId, clientName, programId, operations, c.texts("targets", 128));
    }

    private static Subscription.ObjectOperation operation(JsonCursor c) {
        c.required("objects");
        c.required("operations");
        List<ObjectType> objects = c.list("objects", o -> enumItem(o, ObjectType.class));
        List<Operation> operations = c.list("operations", o -> enumItem(o, Operation.class));
        String url = c.requiredText("callbackUrl", 2, 8000);
        URI callback = URI.create("http://invalid");
        try {
            callback = url.isEmpty() ? callback : new URI(url);
        } catch (URISyntaxException e) {
            c.problem("callbackUrl", "'" + url + "' is not a URI");
        }
        return new Subscription.ObjectOperation(objects, operations, callback, c.text("bearerToken", 0, Integer.MAX_VALUE));
    }

    private static <E extends Enum<E>> Optional<E> enumItem(JsonCursor c, Class<E> type) {
        if (c.json().isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(c.json().asText())) {
                    return Optional.of(constant);
                }
            }
        }
        c.problemHere("unknown value '" + c.json().asText() + "' (expected one of " + JsonCursor.names(type) + ")");
        return Optional.empty();
    }
}
