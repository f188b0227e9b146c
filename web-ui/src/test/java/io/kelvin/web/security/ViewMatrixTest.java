package io.kelvin.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.kelvin.core.identity.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the dashboard's views to the route matrix in web-ui/README.md: every {@code @Route} view has a
 * {@code VIEW} row and every such row a view, and the roles a view lets in ({@code @RolesAllowed}, {@code @PermitAll}:
 * every role, {@code @AnonymousAllowed}: also anonymous) are the row's.
 */
class ViewMatrixTest {

    private static final Path VIEWS = Path.of("target", "classes", "io", "kelvin", "web", "ui");

    @Test
    void everyViewHasARowWithTheRolesItLetsInAndEveryViewRowAView() throws IOException {
        Map<String, String> views = new TreeMap<>();
        try (Stream<Path> files = Files.list(VIEWS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                String name = f.getFileName().toString().replace(".class", "");
                Class<?> type = loadWithoutInit("io.kelvin.web.ui." + name);
                Route route = type.getAnnotation(Route.class);
                if (route != null) {
                    views.put("VIEW /" + route.value(), access(type));
                }
            }
        }
        Map<String, String> rows = new TreeMap<>();
        RouteMatrix.read().rules().stream().filter(r -> r.method().equals("VIEW"))
                .forEach(r -> rows.put(r.key(), names(r.roles()) + (r.anonymous() ? " anonymous" : "")));

        assertThat(views).as("views (left) against the VIEW rows of web-ui/README.md").hasSizeGreaterThan(5)
                .isEqualTo(rows);
    }

    private static String access(Class<?> view) {
        if (view.isAnnotationPresent(AnonymousAllowed.class)) {
            return names(EnumSet.allOf(Role.class)) + " anonymous";
        }
        if (view.isAnnotationPresent(PermitAll.class)) {
            return names(EnumSet.allOf(Role.class));
        }
        RolesAllowed allowed = view.getAnnotation(RolesAllowed.class);
        return allowed == null ? "" : names(Arrays.stream(allowed.value()).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class))));
    }

    private static String names(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    private static Class<?> loadWithoutInit(String name) {
        try {
            return Class.forName(name, false, ViewMatrixTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
