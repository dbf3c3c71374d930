package io.mlops.standalone.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test methods (and {@code @BeforeAll} methods) the one {@link RunningSuite} of this test JVM. The suite
 * starts at the first request and lives in the root context's store, which closes it (an {@link AutoCloseable})
 * when the whole test run ends: the five contexts and three servers start once, not once per test class.
 */
public final class StandaloneSuiteExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StandaloneSuiteExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningSuite.class;
    }

    @Override
    public RunningSuite resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(RunningSuite.class, key -> RunningSuite.start(), RunningSuite.class);
    }
}
