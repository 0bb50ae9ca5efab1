package io.fastagentic.web.policy;

import io.fastagentic.web.policy.PolicyObservationDocumentation.PolicyKeyNames;
import io.fastagentic.web.policy.PolicyObservationDocumentation.PolicyReasonKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default {@link PolicyObservationConvention}: {@code policy.check} with
 * {@code policy.name}, {@code policy.decision} and {@code policy.reason}.
 *
 * @author FastAgentic
 */
public class DefaultPolicyObservationConvention implements PolicyObservationConvention {

	private static final String NAME = "policy.check";

	private static final String UNKNOWN = "unknown";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(PolicyObservationContext context) {
		return NAME;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(PolicyObservationContext context) {
		return KeyValues.of(policyDecision(context), policyName(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(PolicyObservationContext context) {
		return KeyValues.of(policyReason(context));
	}

	protected KeyValue policyName(PolicyObservationContext context) {
		return KeyValue.of(PolicyKeyNames.POLICY_NAME, context.getPolicyName());
	}

	protected KeyValue policyDecision(PolicyObservationContext context) {
		PolicyDecision decision = context.getDecision();
		return KeyValue.of(PolicyKeyNames.POLICY_DECISION, (decision != null) ? decision.decision() : UNKNOWN);
	}

	protected KeyValue policyReason(PolicyObservationContext context) {
		PolicyDecision decision = context.getDecision();
		return KeyValue.of(PolicyReasonKeyNames.POLICY_REASON, (decision != null) ? decision.reason() : UNKNOWN);
	}

}
