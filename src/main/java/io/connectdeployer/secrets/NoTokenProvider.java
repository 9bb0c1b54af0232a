package io.connectdeployer.secrets;

import io.connectdeployer.deadline.Deadline;

/** Stands in when CONNECT_TOKEN_SECRET_ID is not set: dry runs work, a real deployment gets a clear error. */
public final class NoTokenProvider implements TokenProvider {

    @Override
    public String token(Deadline deadline) {
        throw new TokenUnavailableException("CONNECT_TOKEN_SECRET_ID is not set, so there is no Connect token: "
                + "set it to the secret holding the token, or use dry_run");
    }

    @Override
    public String refresh(Deadline deadline) {
        return token(deadline);
    }

    @Override
    public String source() {
        return "(CONNECT_TOKEN_SECRET_ID not set)";
    }
}
