package io.kelvin.greenpower.dr.grid;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What a grid API call came to; the app turns it into a status and a body (problem+json for the refusals). */
public sealed interface GridResult {

    /** Done: the object (or list) to return; {@code created} for a new object (201). */
    record Done(JsonNode body, boolean created, String target) implements GridResult {
    }

    /** The body or a parameter breaks the schema: every problem names its field (400); nothing changed. */
    record Invalid(List<String> problems) implements GridResult {
        public Invalid {
            problems = List.copyOf(problems);
        }

        public String detail() {
            return String.join("; ", problems);
        }
    }

    /** No such object (404). */
    record NotFound(String detail) implements GridResult {
    }

    /** The change contradicts what is kept (a taken program name, an unknown program or event): 409, nothing changed. */
    record Conflict(String detail) implements GridResult {
    }
}
