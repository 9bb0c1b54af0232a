package io.connectdeployer.event;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Says which key a user most likely meant when an event carries an unknown one. Written by hand because the
 * only well-kept edit-distance implementation (commons-text) would be a dependency for ten lines.
 */
final class KeySuggestions {

    /** Keys of the full Connect payload that users paste into the simplified event. */
    private static final Map<String, String> PAYLOAD_KEYS = Map.of(
            "device_filter", "the simplified event takes 'groups' and 'filters' at the top level",
            "devices_filter", "the simplified event takes 'groups' and 'filters' at the top level",
            "deployment_configuration", "the simplified event takes 'flow_id', 'app', 'comment' and 'parameters' at the top level",
            "parameters_mapping", "did you mean 'parameters'?",
            "flow_uuid", "did you mean 'flow_id'?",
            "user_token", "the token is never part of an event: it is read from Secrets Manager (CONNECT_TOKEN_SECRET_ID)");

    private KeySuggestions() {
    }

    static String unknownKeyMessage(String key, Set<String> known) {
        String hint = Optional.ofNullable(PAYLOAD_KEYS.get(key))
                .or(() -> closest(key, known).map(k -> "did you mean '" + k + "'?"))
                .orElse("expected one of " + String.join(", ", known));
        return "unknown key '" + key + "'; " + hint;
    }

    /** True when {@code key} is known, or close enough to a known or payload key that a suggestion applies. */
    static boolean resembles(String key, Set<String> known) {
        return known.contains(key) || PAYLOAD_KEYS.containsKey(key) || closest(key, known).isPresent();
    }

    static Optional<String> closest(String key, Set<String> known) {
        String normalised = normalise(key);
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int distance = normalise(candidate).equals(normalised) ? 0 : distance(key.toLowerCase(Locale.ROOT), candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String normalise(String key) {
        return key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    /** Levenshtein distance, two rows. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
