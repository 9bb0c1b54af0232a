package io.connectdeployer.config;

import java.util.Set;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Expressions;
import io.smallrye.config.Priorities;

/**
 * Hands DEPLOY_PARAMETERS and DEPLOY_COMMENT over as written. They hold the function's own placeholders
 * ({@code ${bucket}}), which the config system would otherwise take for property expressions and, unable to
 * resolve them, drop the whole value without a word. Runs before the expression interceptor (higher priority).
 */
@Priority(Priorities.APPLICATION + 1000)
public class VerbatimValues implements ConfigSourceInterceptor {

    private static final Set<String> VERBATIM = Set.of("deploy.parameters", "deploy.comment");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        if (VERBATIM.contains(name)) {
            return Expressions.withoutExpansion(() -> context.proceed(name));
        }
        return context.proceed(name);
    }
}
