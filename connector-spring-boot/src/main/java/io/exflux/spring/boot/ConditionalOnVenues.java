package io.exflux.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when at least one {@code exflux.venues.<name>} entry is configured. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(ConditionalOnVenues.OnVenues.class)
@interface ConditionalOnVenues {

    /** The condition. */
    final class OnVenues extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Map<String, Object> venues = Binder.get(context.getEnvironment())
                    .bind("exflux.venues", Bindable.mapOf(String.class, Object.class)).orElse(Map.of());
            return venues.isEmpty() ? ConditionOutcome.noMatch("no exflux.venues entry")
                    : ConditionOutcome.match("exflux.venues " + venues.keySet());
        }
    }
}
