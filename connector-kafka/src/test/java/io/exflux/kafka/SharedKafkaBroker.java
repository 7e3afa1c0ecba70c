package io.exflux.kafka;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands every test class of the module the same {@link KafkaTestBroker}, started once per test JVM (a
 * broker takes seconds to start) and closed when the whole run ends. Classes keep apart by topic prefix
 * and group id. Use with {@code @ExtendWith(SharedKafkaBroker.class)} and a {@code KafkaTestBroker}
 * parameter, for example of a {@code @BeforeAll} method.
 */
final class SharedKafkaBroker implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaTestBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // a store closes an AutoCloseable value when its context ends: the root's, after the last class
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedKafkaBroker.class, unused -> start(), KafkaTestBroker.class);
    }

    private static KafkaTestBroker start() {
        try {
            return KafkaTestBroker.start();
        } catch (Exception e) {
            throw new IllegalStateException("the test broker did not start", e);
        }
    }
}
