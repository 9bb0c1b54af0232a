package io.connectdeployer.testing;

import java.util.List;

import io.connectdeployer.deadline.Deadline;
import io.connectdeployer.secrets.TokenProvider;

/** Hands out scripted tokens: the first until {@link #refresh()} moves to the next; counts refreshes. */
public final class FakeTokenProvider implements TokenProvider {

    public static final String SECRET_ID = "connect/token";

    private final List<String> tokens;
    private int refreshes;
    private Runnable onRefresh = () -> {
    };

    public FakeTokenProvider(String... tokens) {
        this.tokens = List.of(tokens);
    }

    @Override
    public String token(Deadline deadline) {
        return tokens.get(Math.min(refreshes, tokens.size() - 1));
    }

    @Override
    public String refresh(Deadline deadline) {
        onRefresh.run();
        refreshes++;
        return token(deadline);
    }

    @Override
    public String source() {
        return SECRET_ID;
    }

    /** Each refresh takes this long on the test's clock (Secrets Manager slow to answer). */
    public FakeTokenProvider refreshTakes(FakeNanoClock clock, java.time.Duration took) {
        onRefresh = () -> clock.advance(took);
        return this;
    }

    /** The fake reads only when refreshed. */
    @Override
    public long reads() {
        return refreshes;
    }

    public int refreshes() {
        return refreshes;
    }
}
