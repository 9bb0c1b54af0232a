package io.connectdeployer.testing;

import java.util.Map;
import java.util.TreeMap;

/** How many cases each property ran and what became of them, for the report a property test class prints when done. */
public final class CaseTally {

    private final Map<String, Integer> cases = new TreeMap<>();
    private final Map<String, Map<String, Integer>> outcomes = new TreeMap<>();

    /** One case of {@code property}, with what became of it: one label for each way it was run. */
    public synchronized void count(String property, String... labels) {
        cases.merge(property, 1, Integer::sum);
        Map<String, Integer> counts = outcomes.computeIfAbsent(property, p -> new TreeMap<>());
        for (String label : labels) {
            counts.merge(label, 1, Integer::sum);
        }
    }

    /** A title line with where the seeds came from, then a line a property: its case count and its outcomes'. */
    public synchronized String report(String title) {
        StringBuilder report = new StringBuilder(title).append(" (").append(SeededProperty.Seeds.origin()).append(')');
        cases.forEach((property, count) -> report.append("\n  ").append(property).append(": ").append(count).append(" cases ")
                .append(outcomes.get(property)));
        return report.toString();
    }
}
