package com.memberpoints.infra.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving tests the JVM-wide {@link DynamoDbLocal} (started once, on first use):
 * {@code @ExtendWith(DynamoDbLocalExtension.class)} and a {@code DynamoDbLocal} parameter in a
 * constructor, lifecycle or test method.
 */
public final class DynamoDbLocalExtension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == DynamoDbLocal.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return DynamoDbLocal.shared();
    }
}
