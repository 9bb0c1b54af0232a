package io.connectdeployer.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.AnnotationBasedArgumentsProvider;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.opentest4j.TestAbortedException;

/**
 * A property over generated cases: a parameterized test run once per {@code long seed}, each case built from its
 * seed alone, with the seed in its display name and in its failure. {@code -Dhostile.seed=<seed>} runs that one case
 * instead. Shrinking is out of scope: a failing case is reported as generated, and its seed reproduces it exactly.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "seed={0}")
@ArgumentsSource(SeededProperty.Seeds.class)
@ExtendWith(SeededProperty.SeedInFailure.class)
public @interface SeededProperty {

    /** Runs exactly the case of this seed, in every property selected (pick one with -Dtest=Class#method). */
    String SEED = "hostile.seed";
    /** Fixes the base seed, to repeat a whole run. */
    String BASE_SEED = "hostile.base-seed";

    /** Cases a run generates. */
    int tries();

    /** The seeds of a property's cases, drawn from a base seed. */
    final class Seeds extends AnnotationBasedArgumentsProvider<SeededProperty> {

        /**
         * A new base seed each run unless -Dhostile.base-seed fixes it: a fixed default would rerun the same cases
         * forever, while a varying one explores new ones every run at no cost to reproduction, since each failure
         * prints its own seed. Printed with failures and reports.
         */
        public static final long BASE = System.getProperty(BASE_SEED) != null ? Long.parseLong(System.getProperty(BASE_SEED))
                : new SplittableRandom().nextLong();

        /** Where this run's seeds come from, for failures and reports. */
        public static String origin() {
            return System.getProperty(SEED) != null ? "one seed given with -D" + SEED : "base seed " + BASE;
        }

        @Override
        protected Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context,
                SeededProperty property) {
            String one = System.getProperty(SEED);
            if (one != null) {
                return Stream.of(Arguments.of(Long.parseLong(one)));
            }
            // Each property its own stream, so two properties over the same samples do not start from the same cases.
            SplittableRandom seeds = new SplittableRandom(BASE ^ context.getRequiredTestMethod().getName().hashCode());
            return LongStream.generate(seeds::nextLong).limit(property.tries()).mapToObj(Arguments::of);
        }
    }

    /** Anything a case throws fails it, as an AssertionError that says its seed and how to rerun it. */
    final class SeedInFailure implements InvocationInterceptor {

        @Override
        public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                ExtensionContext context) throws Throwable {
            long seed = (Long) invocationContext.getArguments().get(0);
            try {
                invocation.proceed();
            } catch (TestAbortedException aborted) {
                throw aborted;
            } catch (Throwable failed) {
                // A StackOverflowError or a NullPointerException is as much a finding as a failed assertion.
                throw new AssertionError("seed=" + seed + " failed (" + Seeds.origin() + "); rerun it alone with -Dtest='"
                        + context.getRequiredTestClass().getSimpleName() + "#" + context.getRequiredTestMethod().getName()
                        + "' -D" + SEED + "=" + seed, failed);
            }
        }
    }
}
