package io.kelvin.web.cli;

import io.kelvin.identity.audit.ChainVerifier;
import java.util.List;

/** {@code ./kelvin audit verify}: walks the hash chain; exit 1 naming the first broken record. */
final class AuditCommand implements Command {

    @Override
    public String usage() {
        return "audit verify                                  check the audit trail's hash chain";
    }

    @Override
    public int run(List<String> raw, CliContext context) {
        Args args = Args.parse(raw);
        String verb = args.word(0, "audit verify");
        if (!verb.equals("verify")) {
            throw new IllegalArgumentException("audit: unknown action '" + verb + "'");
        }
        ChainVerifier.Result result = context.audit().verify();
        if (result.ok()) {
            context.out().printf("audit trail intact: %d records, last hash %s%n", result.checked(), result.lastHash());
            return 0;
        }
        context.out().printf("audit trail BROKEN at %s%n%d records before it are intact.%n", result.broken().get(),
                result.checked());
        return 1;
    }
}
