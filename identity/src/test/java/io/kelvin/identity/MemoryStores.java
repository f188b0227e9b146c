package io.kelvin.identity;

import io.kelvin.core.identity.AuditQuery;
import io.kelvin.core.identity.AuditRecord;
import io.kelvin.core.identity.AuditStore;
import io.kelvin.core.identity.ClientStore;
import io.kelvin.core.identity.LoginFailureStore;
import io.kelvin.core.identity.LoginFailures;
import io.kelvin.core.identity.OAuthClient;
import io.kelvin.core.identity.UserAccount;
import io.kelvin.core.identity.UserStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** In-memory stores for the identity unit tests; the state module tests the JDBC ones against real databases. */
public final class MemoryStores {

    private MemoryStores() {
    }

    public static final class Users implements UserStore {
        private final Map<String, UserAccount> byName = new TreeMap<>();

        @Override
        public synchronized boolean insert(UserAccount account) {
            return byName.putIfAbsent(account.username(), account) == null;
        }

        @Override
        public synchronized Optional<UserAccount> find(String username) {
            return Optional.ofNullable(byName.get(username));
        }

        @Override
        public synchronized List<UserAccount> all() {
            return List.copyOf(byName.values());
        }

        @Override
        public synchronized boolean update(UserAccount account) {
            return byName.replace(account.username(), account) != null;
        }
    }

    public static final class Clients implements ClientStore {
        private final Map<String, OAuthClient> byId = new TreeMap<>();

        @Override
        public synchronized boolean insert(OAuthClient client) {
            return byId.putIfAbsent(client.clientId(), client) == null;
        }

        @Override
        public synchronized Optional<OAuthClient> find(String clientId) {
            return Optional.ofNullable(byId.get(clientId));
        }

        @Override
        public synchronized List<OAuthClient> all() {
            return List.copyOf(byId.values());
        }

        @Override
        public synchronized boolean update(OAuthClient client) {
            return byId.replace(client.clientId(), client) != null;
        }
    }

    public static final class Failures implements LoginFailureStore {
        private final Map<String, LoginFailures> byName = new TreeMap<>();

        @Override
        public synchronized Optional<LoginFailures> find(String username) {
            return Optional.ofNullable(byName.get(username));
        }

        @Override
        public synchronized void save(LoginFailures failures) {
            byName.put(failures.username(), failures);
        }

        @Override
        public synchronized void clear(String username) {
            byName.remove(username);
        }
    }

    /** Records by seq; {@link #records} is open so tests can tamper with the trail as an intruder would. */
    public static final class Audit implements AuditStore {
        public final ConcurrentSkipListMap<Long, AuditRecord> records = new ConcurrentSkipListMap<>();

        @Override
        public Optional<AuditRecord> last() {
            return records.isEmpty() ? Optional.empty() : Optional.of(records.lastEntry().getValue());
        }

        @Override
        public boolean append(AuditRecord record) {
            return records.putIfAbsent(record.seq(), record) == null;
        }

        @Override
        public List<AuditRecord> chain(long afterSeq, int limit) {
            return records.tailMap(afterSeq, false).values().stream().limit(limit).toList();
        }

        @Override
        public List<AuditRecord> search(AuditQuery query) {
            return matching(query).stream().skip(query.offset()).limit(query.limit()).toList();
        }

        @Override
        public long count(AuditQuery query) {
            return matching(query).size();
        }

        private List<AuditRecord> matching(AuditQuery q) {
            List<AuditRecord> out = new ArrayList<>();
            for (AuditRecord r : records.values()) {
                boolean ok = q.from().map(f -> !r.at().isBefore(f)).orElse(true)
                        && q.to().map(t -> r.at().isBefore(t)).orElse(true)
                        && q.actor().map(a -> a.equals(r.entry().actor().name())).orElse(true)
                        && q.kind().map(k -> k == r.entry().kind()).orElse(true);
                if (ok) {
                    out.add(r);
                }
            }
            out.sort(Comparator.comparingLong(AuditRecord::seq).reversed());
            return out;
        }
    }
}
