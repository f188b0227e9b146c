package io.kelvin.greenpower.dr;

import io.kelvin.core.dr.DrDirective;
import io.kelvin.core.dr.EventRef;
import java.util.List;

/**
 * What an event version means for the site: a directive to act on, a cancellation (the VTN shrank the
 * event to nothing, User Guide 7.9), or a refusal with the problems that make it unusable.
 */
public sealed interface Resolution permits Resolution.Act, Resolution.Cancel, Resolution.Refuse {

    EventRef ref();

    record Act(DrDirective directive) implements Resolution {
        @Override
        public EventRef ref() {
            return directive.ref();
        }
    }

    record Cancel(EventRef ref, String why) implements Resolution {
    }

    record Refuse(EventRef ref, List<String> problems) implements Resolution {
        public Refuse {
            problems = List.copyOf(problems);
        }
    }
}
