package io.connectdeployer.testing;

import java.util.List;

import io.connectdeployer.secrets.TokenProvider;

/** Hands out scripted tokens: the first until {@link #refresh()} moves to the next; counts refreshes. */
public final class FakeTokenProvider implements TokenProvider {

    public static final String SECRET_ID = "connect/token";

    private final List<String> tokens;
    private int refreshes;

    public FakeTokenProvider(String... tokens) {
        this.tokens = List.of(tokens);
    }

    @Override
    public String token() {
        return tokens.get(Math.min(refreshes, tokens.size() - 1));
    }

    @Override
    public String refresh() {
        refreshes++;
        return token();
    }

    @Override
    public String source() {
        return SECRET_ID;
    }

    public int refreshes() {
        return refreshes;
    }
}
