package io.fastagentic.web.auth;

import io.fastagentic.web.auth.AuthObservationDocumentation.AuthKeyNames;
import io.fastagentic.web.auth.AuthObservationDocumentation.UserKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default {@link AuthObservationConvention}: {@code auth.validate} with
 * {@code auth.method}, {@code auth.result} and {@code user_id}.
 *
 * @author FastAgentic
 */
public class DefaultAuthObservationConvention implements AuthObservationConvention {

	private static final String NAME = "auth.validate";

	private static final String UNKNOWN = "unknown";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(AuthObservationContext context) {
		return NAME;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(AuthObservationContext context) {
		return KeyValues.of(authMethod(context), authResult(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(AuthObservationContext context) {
		return KeyValues.of(userId(context));
	}

	protected KeyValue authMethod(AuthObservationContext context) {
		AuthenticationResult result = context.getResult();
		return KeyValue.of(AuthKeyNames.AUTH_METHOD, (result != null) ? result.method() : UNKNOWN);
	}

	protected KeyValue authResult(AuthObservationContext context) {
		AuthenticationResult result = context.getResult();
		return KeyValue.of(AuthKeyNames.AUTH_RESULT, (result != null) ? result.outcome().value() : UNKNOWN);
	}

	protected KeyValue userId(AuthObservationContext context) {
		AuthenticationResult result = context.getResult();
		return KeyValue.of(UserKeyNames.USER_ID,
				(result != null) ? result.userId() : AuthenticationResult.ANONYMOUS_USER);
	}

}
