package io.connectdeployer.trigger;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.connectdeployer.deploy.App;
import io.connectdeployer.deploy.DeployDefaults;
import io.connectdeployer.deploy.Filter;
import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.MutatedEvents;
import io.connectdeployer.testing.RandomJson;
import io.connectdeployer.testing.MutatedEvents.Kind;
import io.connectdeployer.testing.MutatedEvents.Mutated;
import io.connectdeployer.testing.PurePipeline;
import io.connectdeployer.testing.PurePipeline.Outcome;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile input through the pure path (EventShape, the trigger, DeployPlanner; see {@link PurePipeline}), with
 * nothing configured and with everything configured: whatever the event, each deployment plans or fails with a
 * DeployerException subclass, never another exception (a NullPointerException, ClassCastException,
 * IllegalArgumentException, StackOverflowError would fail the property), and a deployment whose reading reported
 * problems never plans. jqwik reports each property's tries and outcome statistics; the class prints the totals.
 * What the real FunctionUrlHandler answers to bodies past the JSON reader's limits is in HostileInvocationTest.
 */
class HostileInputTest {

    private static final S3KeyPattern KEYS = S3KeyPattern.compile(S3KeyPattern.DEFAULT);
    /** Nothing configured: most events lack a project and a flow. */
    private static final DeployDefaults NONE = DeployDefaults.none();
    /** Everything configured: most events plan, so the success path meets hostile values too. */
    private static final DeployDefaults FULL = new DeployDefaults("Demo", List.of("beta"),
            List.of(new Filter("device_state", "is", "online", null, null)), "f-1", new App("gateway", "v1"),
            Map.of("region", "eu"), "nightly", false);
    private static final List<String> SAMPLES = MutatedEvents.samples();
    private static final Map<String, AtomicInteger> CASES = new ConcurrentHashMap<>();

    @Property(tries = 600)
    void random_json_plans_or_fails_with_a_deployer_exception(@ForAll("events") JsonNode event) {
        check("random JSON", event);
    }

    @Property(tries = 1000)
    void mutated_samples_plan_or_fail_with_a_deployer_exception(@ForAll("samples") String sample, @ForAll long seed) {
        checkMutated("mutated samples (1-3 mutations of any kind)", MutatedEvents.mutate(sample, seed));
    }

    @Property(tries = 200)
    void samples_with_a_key_duplicated_in_the_raw_text_plan_or_fail_with_a_deployer_exception(@ForAll("samples") String sample,
            @ForAll long seed) {
        checkMutated("duplicated key in the raw text", MutatedEvents.mutate(sample, seed, Kind.DUPLICATE_KEY));
    }

    @Property(tries = 40)
    void samples_with_huge_strings_plan_or_fail_with_a_deployer_exception(@ForAll("samples") String sample, @ForAll long seed) {
        checkMutated("huge strings (64k-400k characters)", MutatedEvents.mutate(sample, seed, Kind.HUGE_STRING));
    }

    @Property(tries = 40)
    void samples_nested_1000_levels_deep_plan_or_fail_with_a_deployer_exception(@ForAll("samples") String sample, @ForAll long seed) {
        checkMutated("1,000 levels of nesting", MutatedEvents.mutate(sample, seed, Kind.DEEP_NESTING));
    }

    @Property(tries = 200)
    void function_url_bodies_with_invalid_utf8_plan_or_fail_with_a_deployer_exception(@ForAll("requests") String sample,
            @ForAll long seed) {
        checkMutated("invalid UTF-8 in base64 bodies", MutatedEvents.mutate(sample, seed, Kind.INVALID_UTF8_BODY));
    }

    /** 1,000 levels built as a tree (no parser limit), in place of each top-level field of each sample. */
    @Example
    void should_plan_or_refuse_every_sample_with_a_top_level_field_nested_1000_levels_deep() {
        Random random = new Random(1000);
        for (String sample : SAMPLES) {
            JsonNode event = Events.load(sample);
            if (!event.isObject()) {
                continue;
            }
            List<String> fields = iterate(event);
            for (String field : fields) {
                ObjectNode copy = event.deepCopy();
                copy.set(field, MutatedEvents.deep(random, MutatedEvents.DEEP));
                check("1,000 levels in each top-level field", copy);
            }
        }
    }

    @Provide
    Arbitrary<JsonNode> events() {
        return RandomJson.events();
    }

    @Provide
    Arbitrary<String> samples() {
        return Arbitraries.of(SAMPLES);
    }

    @Provide
    Arbitrary<String> requests() {
        return Arbitraries.of(SAMPLES.stream().filter(s -> s.startsWith("events/function-url/") || s.startsWith("events/github/")).toList());
    }

    @AfterContainer
    static void report() {
        System.out.println("HostileInputTest: cases run through the pure path (each with no defaults and with full defaults): "
                + new TreeMap<>(CASES));
    }

    private static void checkMutated(String property, Mutated mutated) {
        if (mutated.event() == null) {
            // Not JSON a runtime would deliver (a key duplicated over 1,000 levels): nothing of ours would run.
            Statistics.label("outcome").collect("raw text refused by the JSON reader");
            count(property + " / refused by the JSON reader");
            return;
        }
        check(property, mutated.event());
    }

    private static void check(String property, JsonNode event) {
        Outcome none = PurePipeline.run(event, NONE, KEYS);
        Outcome full = PurePipeline.run(event, FULL, KEYS);
        Statistics.label("outcome").collect(none.label());
        Statistics.label("outcome with full defaults").collect(full.label());
        count(property);
    }

    private static void count(String property) {
        CASES.computeIfAbsent(property, p -> new AtomicInteger()).incrementAndGet();
    }

    private static List<String> iterate(JsonNode event) {
        List<String> names = new java.util.ArrayList<>();
        event.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
