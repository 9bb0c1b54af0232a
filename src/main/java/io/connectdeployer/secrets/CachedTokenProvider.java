package io.connectdeployer.secrets;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectdeployer.deadline.Deadline;

/**
 * The token (or another secret value) from one secret, read once and kept for a TTL so a warm function does not call Secrets Manager per
 * event. The secret string is the raw token, or a JSON object holding it under a key.
 */
public final class CachedTokenProvider implements TokenProvider {

    private final String secretId;
    private final String jsonKey;
    private final Duration ttl;
    private final SecretReader reader;
    private final ObjectMapper mapper;
    private final LongSupplier nanoClock;
    private final Label label;
    private volatile Cached cached;
    private final AtomicLong reads = new AtomicLong();

    /** What the secret holds, for messages, and the variable that names its JSON key, if there is one. */
    public record Label(String what, String keyVariable) {

        public static final Label CONNECT_TOKEN = new Label("Connect token", "CONNECT_TOKEN_SECRET_KEY");
    }

    /** The Connect token. */
    public CachedTokenProvider(String secretId, String jsonKey, Duration ttl, SecretReader reader, ObjectMapper mapper,
            LongSupplier nanoClock) {
        this(Label.CONNECT_TOKEN, secretId, jsonKey, ttl, reader, mapper, nanoClock);
    }

    public CachedTokenProvider(Label label, String secretId, String jsonKey, Duration ttl, SecretReader reader,
            ObjectMapper mapper, LongSupplier nanoClock) {
        this.label = label;
        this.secretId = secretId;
        this.jsonKey = jsonKey;
        this.ttl = ttl;
        this.reader = reader;
        this.mapper = mapper;
        this.nanoClock = nanoClock;
    }

    @Override
    public String token(Deadline deadline) {
        Cached current = cached;
        if (current != null && nanoClock.getAsLong() - current.readAtNanos() < ttl.toNanos()) {
            return current.token();
        }
        return refresh(deadline);
    }

    @Override
    public void forget() {
        cached = null;
    }

    @Override
    public synchronized String refresh(Deadline deadline) {
        reads.incrementAndGet();
        String token = extract(reader.read(secretId, deadline));
        cached = new Cached(token, nanoClock.getAsLong());
        return token;
    }

    /** Counts every call to Secrets Manager, those that failed too. */
    @Override
    public long reads() {
        return reads.get();
    }

    @Override
    public String source() {
        return secretId;
    }

    private String extract(String secretString) {
        String value = secretString.strip();
        if (value.startsWith("{")) {
            value = fromJson(value);
        }
        if (value.isEmpty()) {
            throw new TokenUnavailableException("Secret '" + secretId + "' is empty: put the " + label.what() + " in it");
        }
        return value;
    }

    private String fromJson(String json) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JsonProcessingException malformed) {
            // The parser's message would quote the secret; say only where the problem is.
            // (A limit breach, e.g. nesting too deep, has no location.)
            throw new TokenUnavailableException("Secret '" + secretId + "' starts with '{' but is not valid JSON"
                    + (malformed.getLocation() == null ? ""
                            : " (line " + malformed.getLocation().getLineNr() + ", column " + malformed.getLocation().getColumnNr() + ")"));
        }
        JsonNode token = node.get(jsonKey);
        if (token == null || !token.isTextual()) {
            throw new TokenUnavailableException("Secret '" + secretId + "' is a JSON object without a string under key '"
                    + jsonKey + "'" + (label.keyVariable() == null ? "" : " (" + label.keyVariable() + ")"));
        }
        return token.textValue().strip();
    }

    private record Cached(String token, long readAtNanos) {
    }
}
