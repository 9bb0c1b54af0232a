package io.connectdeployer.trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.connectdeployer.deploy.App;
import io.connectdeployer.deploy.DeployDefaults;
import io.connectdeployer.deploy.Filter;
import io.connectdeployer.testing.CaseTally;
import io.connectdeployer.testing.Events;
import io.connectdeployer.testing.MutatedEvents;
import io.connectdeployer.testing.MutatedEvents.Kind;
import io.connectdeployer.testing.MutatedEvents.Mutated;
import io.connectdeployer.testing.PurePipeline;
import io.connectdeployer.testing.PurePipeline.Outcome;
import io.connectdeployer.testing.RandomJson;
import io.connectdeployer.testing.SeededProperty;

/**
 * Hostile input through the pure path (EventShape, the trigger, DeployPlanner; see {@link PurePipeline}), with
 * nothing configured and with everything configured: whatever the event, each deployment plans or fails with a
 * DeployerException subclass, never another exception (a NullPointerException, ClassCastException,
 * IllegalArgumentException, StackOverflowError would fail the property), and a deployment whose reading reported
 * problems never plans. Each property's case is built from its seed alone ({@link SeededProperty}); the class prints
 * how many cases each property ran and their outcomes.
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
    private static final List<String> REQUESTS = SAMPLES.stream()
            .filter(s -> s.startsWith("events/function-url/") || s.startsWith("events/github/")).toList();
    private static final CaseTally CASES = new CaseTally();

    @SeededProperty(tries = 600)
    void random_json_plans_or_fails_with_a_deployer_exception(long seed) {
        check("random JSON", RandomJson.event(seed));
    }

    @SeededProperty(tries = 1000)
    void mutated_samples_plan_or_fail_with_a_deployer_exception(long seed) {
        checkMutated("mutated samples (1-3 mutations of any kind)", SAMPLES, seed, null);
    }

    /** Raw text the JSON reader meets: a sample with a key written twice, and a request body with invalid UTF-8. */
    @SeededProperty(tries = 200)
    void samples_with_a_duplicated_key_or_invalid_utf8_plan_or_fail_with_a_deployer_exception(long seed) {
        checkMutated("duplicated key in the raw text", SAMPLES, seed, Kind.DUPLICATE_KEY);
        checkMutated("invalid UTF-8 in base64 bodies", REQUESTS, seed, Kind.INVALID_UTF8_BODY);
    }

    /** Fewer cases, as each string is 64k to 400k characters and each nesting 1,000 levels deep. */
    @SeededProperty(tries = 40)
    void samples_with_huge_strings_or_1000_levels_of_nesting_plan_or_fail_with_a_deployer_exception(long seed) {
        checkMutated("huge strings (64k-400k characters)", SAMPLES, seed, Kind.HUGE_STRING);
        // The next seed, so that this sample and the slot its first mutation replaces do not follow the huge string's.
        checkMutated("1,000 levels of nesting", SAMPLES, seed + 1, Kind.DEEP_NESTING);
    }

    /** 1,000 levels built as a tree (no parser limit), in place of each top-level field of each sample. */
    @Test
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

    @AfterAll
    static void report() {
        System.out.println(CASES.report("HostileInputTest: cases run through the pure path (each with no defaults and with full defaults)"));
    }

    /** The sample {@code seed} picks from {@code samples}, mutated from the same seed (first by {@code first} unless null). */
    private static void checkMutated(String property, List<String> samples, long seed, Kind first) {
        Mutated mutated = MutatedEvents.mutate(MutatedEvents.pick(samples, seed), seed, first);
        if (mutated.event() == null) {
            // Not JSON a runtime would deliver (a key duplicated over 1,000 levels): nothing of ours would run.
            CASES.count(property, "raw text refused by the JSON reader");
            return;
        }
        check(property, mutated.event());
    }

    private static void check(String property, JsonNode event) {
        Outcome none = PurePipeline.run(event, NONE, KEYS);
        Outcome full = PurePipeline.run(event, FULL, KEYS);
        CASES.count(property, "no defaults: " + none.label(), "full defaults: " + full.label());
    }

    private static List<String> iterate(JsonNode event) {
        List<String> names = new ArrayList<>();
        event.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
