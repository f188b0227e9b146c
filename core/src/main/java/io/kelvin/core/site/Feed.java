package io.kelvin.core.site;

import io.kelvin.core.series.ExchangeRate;
import io.kelvin.core.series.feeds.FeedFormat;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One external series the forecast reads, from the site file's {@code feeds:} list: what it gives
 * ({@code kind}, and for carbon the accounting {@code method}), how its answer is shaped ({@code format}), where
 * it comes from ({@code location}: a file or an HTTP URL), how often it is fetched ({@code refresh}), after how
 * long without a good answer it counts as stale ({@code staleAfter}), the HTTP {@code timeout}, and whether a
 * file is {@code repeat}ed: replayed with the period of the whole days it covers, so a sample year or week in
 * the repository serves any date. A price feed may give a fixed {@code exchangeRate} to the plan currency, with which
 * its prices in another currency are converted.
 */
public record Feed(String id, FeedKind kind, Optional<GridConnection.CarbonMethod> method, FeedFormat format,
                   Location location, Duration refresh, Duration staleAfter, Duration timeout, boolean repeat,
                   Optional<ExchangeRate> exchangeRate) {

    public Feed {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(location, "location");
        if ((kind == FeedKind.CARBON) != method.isPresent()) {
            throw new IllegalArgumentException("a carbon feed, and only a carbon feed, has a method");
        }
        Objects.requireNonNull(exchangeRate, "exchangeRate");
        if (exchangeRate.isPresent() && kind != FeedKind.PRICE) {
            throw new IllegalArgumentException("only a price feed has an exchange rate");
        }
    }

    /** A feed without an exchange rate. */
    public Feed(String id, FeedKind kind, Optional<GridConnection.CarbonMethod> method, FeedFormat format,
                Location location, Duration refresh, Duration staleAfter, Duration timeout, boolean repeat) {
        this(id, kind, method, format, location, refresh, staleAfter, timeout, repeat, Optional.empty());
    }

    /** Where a feed's bytes come from. */
    public sealed interface Location {
    }

    /** A file (absolute, resolved against the site-configs folder when the site was loaded). */
    public record FileLocation(Path path) implements Location {
    }

    /** An HTTP(S) GET of {@code url} (its dates filled in at each fetch), with the token (if any) as it says. */
    public record HttpLocation(UrlTemplate url, Optional<Token> token) implements Location {

        public HttpLocation(URI url, Optional<Token> token) {
            this(UrlTemplate.of(url), token);
        }
    }

    /**
     * A credential that is never written in the site file: read when fetching from the environment variable
     * {@code env} or the first line of {@code file}, and sent as the header {@code header} (after
     * {@code prefix}, e.g. {@code "Bearer "}) or as the query parameter {@code query}. With a {@code login}, what
     * {@code env} or {@code file} hold is the password of the login's user, and the token sent is the one the login
     * answers with.
     */
    public record Token(Optional<String> env, Optional<Path> file, Optional<String> header, String prefix,
                        Optional<String> query, Optional<Login> login) {
        public Token {
            if (env.isPresent() == file.isPresent() || header.isPresent() == query.isPresent()) {
                throw new IllegalArgumentException("a token needs one of env/file and one of header/query");
            }
        }

        public Token(Optional<String> env, Optional<Path> file, Optional<String> header, String prefix,
                     Optional<String> query) {
            this(env, file, header, prefix, query, Optional.empty());
        }
    }

    /**
     * A token obtained by logging in (WattTime v3: GET {@code /login} with HTTP Basic authentication answers
     * {@code {"token": "..."}}, valid 30 minutes): {@code url} and {@code user}; the password is the token's secret.
     */
    public record Login(URI url, String user) {
    }
}
