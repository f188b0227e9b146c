package io.kelvin.core.identity;

import java.util.List;
import java.util.Optional;

/** Port to the stored OAuth2 clients. */
public interface ClientStore {

    /** Adds the client; false (and nothing stored) when the id is taken. */
    boolean insert(OAuthClient client);

    Optional<OAuthClient> find(String clientId);

    /** Every client, by id. */
    List<OAuthClient> all();

    /** Replaces the stored client of the same id; false when there is none. */
    boolean update(OAuthClient client);
}
