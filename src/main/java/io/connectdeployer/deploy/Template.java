package io.connectdeployer.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.connectdeployer.event.JsonFields;

/**
 * A configured value with {@code ${name}} placeholders the triggering event fills, e.g.
 * {@code s3://${bucket}/${key}}. Parsed once at startup; rendering is a walk over the parts.
 */
public record Template(String source, List<Part> parts) {

    /** Every placeholder a trigger can provide; anything else in a setting is a typo caught at startup. */
    public static final Set<String> NAMES = JsonFields.keys(
            "bucket", "key", "app", "version", "tag", "repository", "release_url", "event_id", "time");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    public Template {
        parts = List.copyOf(parts);
    }

    /** A literal run of text, or a placeholder when {@code name} is set. */
    public record Part(String text, String name) {
    }

    /** Parses {@code source}; unknown placeholder names are returned in {@code unknown}, in order of appearance. */
    public static Template parse(String source, List<String> unknown) {
        List<Part> parts = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(source);
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() > end) {
                parts.add(new Part(source.substring(end, matcher.start()), null));
            }
            String name = matcher.group(1);
            if (!NAMES.contains(name)) {
                unknown.add(name);
            }
            parts.add(new Part(null, name));
            end = matcher.end();
        }
        if (end < source.length()) {
            parts.add(new Part(source.substring(end), null));
        }
        return new Template(source, parts);
    }

    public boolean hasPlaceholders() {
        return parts.stream().anyMatch(part -> part.name() != null);
    }

    /** The text with every placeholder filled; a name without a value is added to {@code missing} and left as is. */
    public String render(Map<String, String> values, List<String> missing) {
        StringBuilder text = new StringBuilder(source.length() + 32);
        for (Part part : parts) {
            if (part.name() == null) {
                text.append(part.text());
            } else if (values.get(part.name()) != null) {
                text.append(values.get(part.name()));
            } else {
                missing.add(part.name());
                text.append("${").append(part.name()).append('}');
            }
        }
        return text.toString();
    }
}
