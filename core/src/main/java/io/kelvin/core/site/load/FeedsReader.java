package io.kelvin.core.site.load;

import io.kelvin.core.series.CsvSeriesSpec;
import io.kelvin.core.series.ExchangeRate;
import io.kelvin.core.series.Measure;
import io.kelvin.core.series.SeriesUnit;
import io.kelvin.core.series.feeds.CarbonIntensityUkJson;
import io.kelvin.core.series.feeds.FeedFormat;
import io.kelvin.core.site.Feed;
import io.kelvin.core.site.FeedKind;
import io.kelvin.core.site.GridConnection;
import io.kelvin.core.site.UrlTemplate;
import io.kelvin.core.telemetry.PointId;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the site file's {@code feeds:} list; every problem is recorded with its path. */
final class FeedsReader {

    private static final Duration DEFAULT_REFRESH = Duration.ofMinutes(15);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Path configRoot;

    FeedsReader(Path configRoot) {
        this.configRoot = configRoot;
    }

    List<Feed> read(List<Node> nodes) {
        List<Feed> feeds = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        Map<String, String> roles = new HashMap<>();
        for (Node node : nodes) {
            node.allowOnly("id", "kind", "method", "format", "file", "url", "token", "refresh", "staleAfter",
                    "timeout", "repeat", "csv", "value", "sequence", "exchangeRate");
            String id = node.id("id", PointId.ID);
            String earlier = ids.putIfAbsent(id, node.path());
            if (earlier != null && !id.isEmpty()) {
                node.problem("id", "duplicate feed id '" + id + "' (first at " + earlier + ")");
            }
            Optional<FeedKind> kind = node.requiredEnum("kind", FeedKind.class);
            Optional<GridConnection.CarbonMethod> method = method(node, kind);
            kind.ifPresent(k -> {
                String role = k + method.map(m -> " " + m).orElse("");
                String holder = roles.putIfAbsent(role, node.path());
                if (holder != null) {
                    node.problem("kind", "a second " + role.toLowerCase(Locale.ROOT) + " feed (first at " + holder
                            + "); the forecast reads one feed per input");
                }
            });
            Optional<FeedFormat> format = kind.flatMap(k -> format(node, k, id));
            Optional<Feed.Location> location = location(node);
            Duration refresh = node.optDuration("refresh", Duration.ofMinutes(1), Duration.ofHours(24)).orElse(DEFAULT_REFRESH);
            Duration stale = node.optDuration("staleAfter", Duration.ofMinutes(1), Duration.ofHours(24 * 14))
                    .orElse(refresh.multipliedBy(4));
            if (stale.compareTo(refresh) < 0) {
                node.problem("staleAfter", "must be at least the refresh interval (" + Node.format(refresh) + ")");
            }
            Duration timeout = node.optDuration("timeout", Duration.ofMillis(100), Duration.ofMinutes(2)).orElse(DEFAULT_TIMEOUT);
            boolean repeat = node.bool("repeat", false);
            if (repeat && location.orElse(null) instanceof Feed.HttpLocation) {
                node.problem("repeat", "only a file feed can be repeated");
            }
            Optional<ExchangeRate> rate = exchangeRate(node, kind, format);
            if (kind.isPresent() && format.isPresent() && location.isPresent() && !id.isEmpty()) {
                feeds.add(new Feed(id, kind.get(), method, format.get(), location.get(), refresh, stale, timeout, repeat,
                        rate));
            }
        }
        return List.copyOf(feeds);
    }

    /**
     * A price feed's {@code exchangeRate} to the plan currency: a finite number > 0; a CSV feed that names the plan
     * currency has none to convert (an ENTSO-E answer names its currency itself, and one in the plan currency is
     * left as it is).
     */
    private static Optional<ExchangeRate> exchangeRate(Node node, Optional<FeedKind> kind, Optional<FeedFormat> format) {
        if (!node.has("exchangeRate")) {
            return Optional.empty();
        }
        if (kind.isPresent() && kind.get() != FeedKind.PRICE) {
            node.problem("exchangeRate", "only a price feed has an exchange rate");
            return Optional.empty();
        }
        Optional<Double> rate = node.optExchangeRate("exchangeRate");
        if (rate.isPresent() && format.orElse(null) instanceof FeedFormat.Csv csv
                && csv.spec().currency().filter(ExchangeRate.PLAN_CURRENCY::equals).isPresent()) {
            node.problem("exchangeRate", "the prices are in " + ExchangeRate.PLAN_CURRENCY.getCurrencyCode()
                    + " already, the plan currency; an exchange rate converts a price feed in another currency");
            return Optional.empty();
        }
        return rate.map(ExchangeRate::new);
    }

    private static Optional<GridConnection.CarbonMethod> method(Node node, Optional<FeedKind> kind) {
        if (kind.orElse(null) == FeedKind.CARBON) {
            return node.requiredEnum("method", GridConnection.CarbonMethod.class);
        }
        if (node.has("method")) {
            node.problem("method", "only carbon feeds have a method (location or market)");
        }
        return Optional.empty();
    }

    static Optional<FeedFormat> format(Node node, FeedKind kind, String id) {
        String key = node.text("format").toLowerCase(Locale.ROOT);
        for (String only : List.of("csv", "value", "sequence")) {
            boolean belongs = switch (only) {
                case "csv" -> key.equals("csv");
                case "value" -> key.equals("carbonintensity-uk");
                default -> key.equals("entsoe");
            };
            if (node.has(only) && !belongs) {
                node.problem(only, "does not belong to format '" + key + "'");
            }
        }
        FeedKind wanted = switch (key) {
            case "electricitymaps", "watttime", "carbonintensity-uk" -> FeedKind.CARBON;
            case "entsoe" -> FeedKind.PRICE;
            default -> kind;
        };
        if (wanted != kind) {
            node.problem("format", "'" + key + "' gives " + wanted.name().toLowerCase(Locale.ROOT) + ", not "
                    + kind.name().toLowerCase(Locale.ROOT));
            return Optional.empty();
        }
        return switch (key) {
            case "csv" -> node.object("csv").flatMap(c -> csv(c, id, kind));
            case "electricitymaps" -> Optional.of(new FeedFormat.ElectricityMaps());
            case "watttime" -> Optional.of(new FeedFormat.WattTime());
            case "carbonintensity-uk" -> Optional.of(new FeedFormat.CarbonIntensityUk(node.optEnum("value",
                    CarbonIntensityUkJson.Value.class).orElse(CarbonIntensityUkJson.Value.ACTUAL_ELSE_FORECAST)));
            case "entsoe" -> Optional.of(new FeedFormat.EntsoePrices(node.integerOr("sequence", 1, 1, 9)));
            case "" -> Optional.empty();
            default -> {
                node.problem("format", "unknown format '" + key + "' (expected one of " + FeedFormat.keys() + ")");
                yield Optional.empty();
            }
        };
    }

    private static Optional<FeedFormat> csv(Node c, String id, FeedKind kind) {
        c.allowOnly("time", "value", "timeFormat", "zone", "unit", "currency", "resolution", "label", "delimiter", "only",
                "decimal");
        String time = c.text("time");
        String value = c.text("value");
        String unitText = c.text("unit");
        Optional<SeriesUnit> unit = unitText.isEmpty() ? Optional.empty() : SeriesUnit.parse(unitText);
        if (!unitText.isEmpty() && unit.isEmpty()) {
            c.problem("unit", "unknown unit '" + unitText + "' (accepted: " + SeriesUnit.accepted() + ")");
        }
        if (unit.isPresent() && unit.get().measure() != kind.measure()) {
            c.problem("unit", "'" + unitText + "' measures " + unit.get().measure().name().toLowerCase(Locale.ROOT)
                    + ", a " + kind.name().toLowerCase(Locale.ROOT) + " feed needs " + kind.measure().canonicalUnit());
            unit = Optional.empty();
        }
        Optional<Currency> currency = c.optText("currency").flatMap(t -> currency(c, t))
                .or(() -> SeriesUnit.currency(unitText));
        if (kind.measure() == Measure.PRICE && currency.isEmpty()) {
            c.problem("currency", "a price needs its currency: write the unit as EUR/MWh or add currency: EUR");
        }
        var zone = CsvFields.zone(c);
        var format = CsvFields.timeFormat(c);
        var resolution = c.optDuration("resolution", Duration.ofSeconds(1), Duration.ofDays(1));
        var label = c.optEnum("label", CsvSeriesSpec.Label.class).orElse(CsvSeriesSpec.Label.START);
        char delimiter = CsvFields.delimiter(c);
        char decimal = CsvFields.decimal(c);
        Optional<CsvSeriesSpec.Only> only = only(c);
        if (label == CsvSeriesSpec.Label.INTERVAL && resolution.isPresent()) {
            c.problem("resolution", "with label interval each row's time cell gives its interval; leave resolution out");
            resolution = Optional.empty();
        }
        if (time.isEmpty() || value.isEmpty() || unit.isEmpty() || zone.isEmpty() || format.isEmpty()) {
            return Optional.empty();
        }
        CsvSeriesSpec spec = new CsvSeriesSpec(id, time, value, format.get(), zone.get(), unit.get(), currency,
                resolution, label, delimiter, only, decimal);
        return Optional.of(new FeedFormat.Csv(spec));
    }

    /** {@code only: { column, values }}: the rows of a file in long form that belong to this feed. */
    private static Optional<CsvSeriesSpec.Only> only(Node c) {
        return c.optObject("only").flatMap(o -> {
            o.allowOnly("column", "values");
            String column = o.text("column");
            List<String> values = o.textList("values");
            if (values.isEmpty() && o.has("values")) {
                o.problem("values", "must list at least one value");
            }
            return column.isEmpty() || values.isEmpty() ? Optional.empty()
                    : Optional.of(new CsvSeriesSpec.Only(column, Set.copyOf(values)));
        });
    }

    private static Optional<Currency> currency(Node c, String code) {
        try {
            return Optional.of(Currency.getInstance(code.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            c.problem("currency", "'" + code + "' is not an ISO 4217 currency code");
            return Optional.empty();
        }
    }

    private Optional<Feed.Location> location(Node node) {
        if (node.has("file") == node.has("url")) {
            node.problem("needs exactly one of file (relative to site-configs) or url");
            return Optional.empty();
        }
        if (node.has("file")) {
            if (node.has("token")) {
                node.problem("token", "only a url feed sends a token");
            }
            String relative = node.text("file");
            Path path = configRoot.resolve(relative).normalize();
            if (!relative.isEmpty() && !Files.isRegularFile(path)) {
                node.problem("file", "file '" + relative + "' not found (relative paths start at the site-configs folder)");
            }
            return relative.isEmpty() ? Optional.empty() : Optional.of(new Feed.FileLocation(path));
        }
        String text = node.text("url");
        Optional<String> problem = text.isEmpty() ? Optional.empty() : UrlTemplate.problem(text);
        problem.ifPresent(p -> node.problem("url", p));
        Optional<Feed.Token> token = node.optObject("token").flatMap(this::token);
        return text.isEmpty() || problem.isPresent() ? Optional.empty()
                : Optional.of(new Feed.HttpLocation(new UrlTemplate(text), token));
    }

    private static Optional<URI> httpUrl(Node node, String field, String text) {
        try {
            URI url = URI.create(text);
            if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
                return Optional.of(url);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        node.problem(field, "'" + text + "' must be an http:// or https:// URL with a host");
        return Optional.empty();
    }

    private Optional<Feed.Token> token(Node t) {
        t.allowOnly("env", "file", "header", "prefix", "query", "login", "user");
        if (t.has("env") == t.has("file")) {
            t.problem("needs exactly one of env (an environment variable) or file (holding the token); a token is"
                    + " never written in the site file");
            return Optional.empty();
        }
        if (t.has("header") == t.has("query")) {
            t.problem("needs exactly one of header (an HTTP header name) or query (a query parameter name)");
            return Optional.empty();
        }
        Optional<Path> file = t.optText("file").map(f -> configRoot.resolve(f).normalize());
        file.filter(f -> !Files.isRegularFile(f)).ifPresent(f -> t.problem("file", "'" + f + "' not found"));
        if (t.has("login") != t.has("user")) {
            t.problem("a login needs both login (its URL) and user");
            return Optional.empty();
        }
        Optional<Feed.Login> login = t.optText("login").flatMap(url -> httpUrl(t, "login", url))
                .map(url -> new Feed.Login(url, t.text("user")));
        return Optional.of(new Feed.Token(t.optText("env"), file, t.optText("header"), t.optText("prefix").orElse(""),
                t.optText("query"), login));
    }
}
