package io.fastagentic.autoconfigure.sampling;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when tracing is on and at least one sampling rule is: errors
 * ({@code fastagentic.otel.sample-errors=true}) or slowness
 * ({@code fastagentic.otel.sample-slow-threshold} set).
 *
 * @author FastAgentic
 */
class OnSamplingRulesCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		if (!environment.getProperty("fastagentic.otel.traces-enabled", Boolean.class, true)) {
			return ConditionOutcome.noMatch("fastagentic.otel.traces-enabled is false");
		}
		boolean errors = environment.getProperty("fastagentic.otel.sample-errors", Boolean.class, false);
		boolean slow = StringUtils.hasText(environment.getProperty("fastagentic.otel.sample-slow-threshold"));
		if (errors || slow) {
			return ConditionOutcome.match("sampling rules: errors=" + errors + ", slow=" + slow);
		}
		return ConditionOutcome.noMatch("neither fastagentic.otel.sample-errors nor sample-slow-threshold is set");
	}

}
