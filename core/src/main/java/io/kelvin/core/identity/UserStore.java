package io.kelvin.core.identity;

import java.util.List;
import java.util.Optional;

/** Port to the stored user accounts. User names are compared exactly (the identity module lower-cases them first). */
public interface UserStore {

    /** Adds the account; false (and nothing stored) when the user name is taken. */
    boolean insert(UserAccount account);

    Optional<UserAccount> find(String username);

    /** Every account, by user name. */
    List<UserAccount> all();

    /** Replaces the stored account of the same user name; false when there is none. */
    boolean update(UserAccount account);
}
