package io.kelvin.web.cli;

import io.kelvin.core.identity.Role;
import io.kelvin.core.identity.UserAccount;
import io.kelvin.identity.Accounts;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code ./kelvin user add|passwd|disable|enable|list}: people's accounts, audited as the terminal's user. */
final class UserCommand implements Command {

    @Override
    public String usage() {
        return """
                user add NAME --role ROLE[,ROLE...]   create a user; prints a one-time password (changed at first login)
                user passwd NAME                      give NAME a new one-time password and lift a lock
                user disable NAME | user enable NAME  disabled users cannot log in; their sessions end
                user list""";
    }

    @Override
    public int run(List<String> raw, CliContext context) {
        Args args = Args.parse(raw);
        Accounts accounts = context.accounts();
        String verb = args.word(0, "user add|passwd|disable|enable|list");
        switch (verb) {
            case "add" -> {
                Set<Role> roles = roles(args.option("role").orElseThrow(() -> new IllegalArgumentException(
                        "--role: one or more of " + List.of(Role.values()))));
                Accounts.Issued issued = accounts.create(args.word(1, "NAME"), roles, context.actor(), "-");
                context.out().printf("created user %s (%s)%none-time password: %s%n", issued.account().username(),
                        names(issued.account().roles()), issued.oneTimePassword());
            }
            case "passwd" -> {
                Accounts.Issued issued = accounts.resetPassword(args.word(1, "NAME"), context.actor(), "-");
                context.out().printf("new one-time password for %s: %s%n", issued.account().username(),
                        issued.oneTimePassword());
            }
            case "disable" -> context.out().printf("disabled %s%n",
                    accounts.disable(args.word(1, "NAME"), context.actor(), "-").username());
            case "enable" -> context.out().printf("enabled %s%n",
                    accounts.enable(args.word(1, "NAME"), context.actor(), "-").username());
            case "list" -> {
                context.out().printf("%-24s %-32s %-9s %s%n", "USER", "ROLES", "STATE", "PASSWORD");
                for (UserAccount a : accounts.list()) {
                    context.out().printf("%-24s %-32s %-9s %s%n", a.username(), names(a.roles()),
                            a.enabled() ? "enabled" : "disabled", a.mustChangePassword() ? "one-time" : "set");
                }
            }
            default -> throw new IllegalArgumentException("user: unknown action '" + verb + "'");
        }
        return 0;
    }

    static Set<Role> roles(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : text.split(",")) {
            roles.add(Role.parse(name).orElseThrow(() -> new IllegalArgumentException("--role: unknown role '" + name
                    + "', one of " + Arrays.toString(Role.values()))));
        }
        return roles;
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }
}
