package io.kelvin.greenpower.dr.oadr;

import java.util.Optional;

/**
 * OpenADR 3.1 {@code problem} (RFC 7807 shape): how a VTN explains an error. {@link #words()} is what
 * Kelvin shows: the VTN's own detail, else its title.
 */
public record OadrProblem(String type, Optional<String> title, Optional<Integer> status, Optional<String> detail,
                          Optional<String> instance) {

    public String words() {
        return detail.or(() -> title).orElse(type);
    }
}
