package io.kelvin.web.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/**
 * Claims every unknown path under {@code /api}. Without it Quarkus REST hands unmatched requests on
 * to the Vaadin servlet, which answers with an HTML page; API clients get problem+json instead.
 * Known resources win because JAX-RS prefers the path with more literal characters. Open to everyone:
 * an unknown path is 404 whoever asks.
 */
@Path("/api/{unknown: .*}")
@PermitAll
public class ApiFallback {

    @GET
    public void get() {
        throw new NotFoundException();
    }

    @POST
    public void post() {
        throw new NotFoundException();
    }

    @PUT
    public void put() {
        throw new NotFoundException();
    }

    @DELETE
    public void delete() {
        throw new NotFoundException();
    }

    @PATCH
    public void patch() {
        throw new NotFoundException();
    }
}
