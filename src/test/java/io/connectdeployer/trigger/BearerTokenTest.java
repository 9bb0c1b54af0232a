package io.connectdeployer.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokenTest {

    private static final String TOKEN = "k3Y-9f2a.b8";

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = { "Bearer " + TOKEN, "bearer " + TOKEN, "BEARER " + TOKEN, "bEaReR " + TOKEN })
    void should_match_whatever_the_case_of_the_scheme_when_the_token_is_right(String authorization) {
        // when
        boolean matches = BearerToken.matches(authorization, TOKEN);

        // then
        assertEquals(true, matches);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = { "Bearer   " + TOKEN, "Bearer " + TOKEN + "  ", "Bearer \t" + TOKEN + "\t" })
    void should_match_when_the_token_has_surrounding_spaces(String authorization) {
        // when
        boolean matches = BearerToken.matches(authorization, TOKEN);

        // then
        assertEquals(true, matches);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = { "Bearer k3Y-9f2a.b9", "Bearer k3y-9f2a.b8", "Bearer " + TOKEN + "x", "Bearer k3Y-9f2a",
            "Bearer k3Y 9f2a.b8" })
    void should_not_match_when_the_token_is_wrong(String authorization) {
        // when
        boolean matches = BearerToken.matches(authorization, TOKEN);

        // then
        assertEquals(false, matches);
    }

    @ParameterizedTest(name = "[{0}]")
    @NullSource
    @ValueSource(strings = { "", "Bearer", "Bearer ", "Bearer  ", TOKEN, "Basic " + TOKEN, "Bearer:" + TOKEN, "Bearer\t" + TOKEN })
    void should_not_match_when_the_header_is_missing_short_or_another_scheme(String authorization) {
        // when
        boolean matches = BearerToken.matches(authorization, TOKEN);

        // then
        assertEquals(false, matches);
    }
}
