package io.kelvin.core.alarm;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What operators did to an alarm: its acknowledgement, confirmation and shelving, each with the
 * {@link Note} of who did it (empty while not done, or when the device reports the state but Kelvin
 * never saw who set it). {@code shelvedUntil} is Kelvin's clock time a timed shelving ends.
 */
public record OperatorMarks(AckState ack, Optional<Note> ackNote, ConfirmState confirm, Optional<Note> confirmNote,
                            Shelving shelving, Optional<Instant> shelvedUntil, Optional<Note> shelveNote) {

    public OperatorMarks {
        Objects.requireNonNull(ack, "ack");
        Objects.requireNonNull(ackNote, "ackNote");
        Objects.requireNonNull(confirm, "confirm");
        Objects.requireNonNull(confirmNote, "confirmNote");
        Objects.requireNonNull(shelving, "shelving");
        Objects.requireNonNull(shelvedUntil, "shelvedUntil");
        Objects.requireNonNull(shelveNote, "shelveNote");
    }

    OperatorMarks acknowledged(Note note) {
        return new OperatorMarks(AckState.ACKNOWLEDGED, Optional.of(note), confirm, confirmNote, shelving, shelvedUntil,
                shelveNote);
    }

    OperatorMarks confirmed(Note note) {
        return new OperatorMarks(ack, ackNote, ConfirmState.CONFIRMED, Optional.of(note), shelving, shelvedUntil,
                shelveNote);
    }

    OperatorMarks shelved(Shelving state, Optional<Instant> until, Optional<Note> note) {
        return new OperatorMarks(ack, ackNote, confirm, confirmNote, state, until, note);
    }
}
