package io.kelvin.web.api;

import io.kelvin.core.identity.OAuthClient;
import io.kelvin.core.identity.Role;
import io.kelvin.core.identity.UserAccount;
import io.kelvin.identity.Accounts;
import io.kelvin.identity.Clients;
import io.kelvin.web.security.Caller;
import io.kelvin.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Users and OAuth2 clients for ADMIN: the same operations as {@code ./kelvin user|client}, audited with
 * the admin as actor. One-time passwords and client secrets appear once, in the answer that made them.
 */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

    private final Accounts accounts;
    private final Clients clients;
    private final Caller caller;

    public AdminResource(Accounts accounts, Clients clients, Caller caller) {
        this.accounts = accounts;
        this.clients = clients;
        this.caller = caller;
    }

    public record UserView(String username, Set<Role> roles, boolean enabled, boolean mustChangePassword,
                           Instant createdAt, Instant passwordChangedAt) {
        static UserView of(UserAccount a) {
            return new UserView(a.username(), new TreeSet<>(a.roles()), a.enabled(), a.mustChangePassword(),
                    a.createdAt(), a.passwordChangedAt());
        }
    }

    public record ClientView(String clientId, Role role, Set<String> scopes, boolean enabled, Instant createdAt,
                             Instant secretRotatedAt) {
        static ClientView of(OAuthClient c) {
            return new ClientView(c.clientId(), c.role(), new TreeSet<>(c.scopes()), c.enabled(), c.createdAt(),
                    c.secretRotatedAt());
        }
    }

    /** Body of POST /users: {@code username} and {@code roles}. */
    public record NewUser(String username, List<String> roles) {
    }

    /** Body of POST /clients: {@code clientId}, {@code role}, optional {@code scopes} (default: all of the role's). */
    public record NewClient(String clientId, String role, List<String> scopes) {
    }

    public record IssuedUser(UserView user, String oneTimePassword) {
    }

    public record IssuedClient(ClientView client, String clientSecret) {
    }

    @GET
    @Path("/users")
    public List<UserView> users() {
        return accounts.list().stream().map(UserView::of).toList();
    }

    @POST
    @Path("/users")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addUser(NewUser body) {
        if (body == null) {
            throw new IllegalArgumentException("body: a JSON object with username and roles");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : body.roles() == null ? List.<String>of() : body.roles()) {
            roles.add(Role.parse(name).orElseThrow(() -> new IllegalArgumentException("roles: unknown role '" + name
                    + "', one of " + List.of(Role.values()))));
        }
        Accounts.Issued issued = accounts.create(body.username(), roles, caller.actor(), caller.address());
        return Response.status(201).entity(new IssuedUser(UserView.of(issued.account()), issued.oneTimePassword()))
                .build();
    }

    @POST
    @Path("/users/{username}/reset-password")
    public IssuedUser resetPassword(@PathParam("username") String username) {
        Accounts.Issued issued = accounts.resetPassword(username, caller.actor(), caller.address());
        return new IssuedUser(UserView.of(issued.account()), issued.oneTimePassword());
    }

    @POST
    @Path("/users/{username}/disable")
    public UserView disableUser(@PathParam("username") String username) {
        return UserView.of(accounts.disable(username, caller.actor(), caller.address()));
    }

    @POST
    @Path("/users/{username}/enable")
    public UserView enableUser(@PathParam("username") String username) {
        return UserView.of(accounts.enable(username, caller.actor(), caller.address()));
    }

    @GET
    @Path("/clients")
    public List<ClientView> clients() {
        return clients.list().stream().map(ClientView::of).toList();
    }

    @POST
    @Path("/clients")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addClient(NewClient body) {
        if (body == null) {
            throw new IllegalArgumentException("body: a JSON object with clientId and role");
        }
        Role role = Role.parse(body.role()).orElseThrow(() -> new IllegalArgumentException("role: must be one of "
                + List.of(Role.values())));
        Set<String> scopes = body.scopes() == null ? Set.of() : new java.util.LinkedHashSet<>(body.scopes());
        Clients.Issued issued = clients.add(body.clientId(), role, scopes, caller.actor(), caller.address());
        return Response.status(201).entity(new IssuedClient(ClientView.of(issued.client()), issued.secret())).build();
    }

    @POST
    @Path("/clients/{clientId}/rotate")
    public IssuedClient rotate(@PathParam("clientId") String clientId) {
        Clients.Issued issued = clients.rotate(clientId, caller.actor(), caller.address());
        return new IssuedClient(ClientView.of(issued.client()), issued.secret());
    }

    @POST
    @Path("/clients/{clientId}/disable")
    public ClientView disableClient(@PathParam("clientId") String clientId) {
        return ClientView.of(clients.disable(clientId, caller.actor(), caller.address()));
    }
}
