package io.kelvin.web.api;

import io.kelvin.greenpower.dr.ven.WebhookReceiver;
import io.kelvin.web.dr.DemandResponseRuntime;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The VTN's webhook into Kelvin ({@code demandResponse.callbackUrl} in the site file points here):
 * {@code POST /openadr/callback} takes an OpenADR 3.1 notification, only with the bearer token Kelvin gave
 * the VTN in its subscription (401 otherwise; a malformed notification is 400 naming the field, nothing
 * changes); {@code GET /openadr/callback?echo=...} answers the VTN's check of the URL. Not a Kelvin token
 * route: Kelvin's bearer mechanism leaves this path alone (security.BearerMechanism).
 */
@Path(VtnCallbackResource.PATH)
@PermitAll
public class VtnCallbackResource {

    public static final String PATH = "/openadr/callback";

    private final DemandResponseRuntime dr;

    public VtnCallbackResource(DemandResponseRuntime dr) {
        this.dr = dr;
    }

    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD)
    public Response notify(@Context HttpHeaders headers, String body) {
        WebhookReceiver receiver = receiver();
        Response response = answer(receiver.notify(headers.getRequestHeaders(), body == null ? "" : body));
        dr.pollIfAsked();
        return response;
    }

    @GET
    public Response challenge(@QueryParam("echo") String echo) {
        return answer(receiver().challenge(echo));
    }

    private WebhookReceiver receiver() {
        return dr.webhook().orElseThrow(() -> new jakarta.ws.rs.NotFoundException());
    }

    private static Response answer(WebhookReceiver.Answer answer) {
        return Response.status(answer.status()).type(answer.contentType()).entity(answer.body()).build();
    }
}
