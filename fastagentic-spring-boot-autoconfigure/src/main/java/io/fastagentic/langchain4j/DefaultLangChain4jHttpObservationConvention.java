package io.fastagentic.langchain4j;

import java.net.URI;
import java.util.Locale;

import io.fastagentic.langchain4j.LangChain4jHttpObservationDocumentation.HighCardinalityKeyNames;
import io.fastagentic.langchain4j.LangChain4jHttpObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default {@link LangChain4jHttpObservationConvention}: metric
 * {@code http.client.requests}, span {@code http {method}}, the keys of Spring's HTTP
 * client observations. Subclass it to change a key.
 *
 * @author FastAgentic
 */
public class DefaultLangChain4jHttpObservationConvention implements LangChain4jHttpObservationConvention {

	/**
	 * Name of the observation, and so of its timer.
	 */
	public static final String NAME = "http.client.requests";

	private static final String NONE = "none";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(LangChain4jHttpObservationContext context) {
		return "http " + context.getRequest().method().name().toLowerCase(Locale.ROOT);
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(LangChain4jHttpObservationContext context) {
		// In key order: KeyValues sorts what does not come sorted.
		return KeyValues.of(clientName(context), exception(context), method(context), outcome(context), status(context),
				uri(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(LangChain4jHttpObservationContext context) {
		return KeyValues.of(httpUrl(context));
	}

	protected KeyValue method(LangChain4jHttpObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.METHOD, context.getRequest().method().name());
	}

	protected KeyValue uri(LangChain4jHttpObservationContext context) {
		URI uri = context.getUri();
		String path = (uri != null) ? uri.getPath() : null;
		return KeyValue.of(LowCardinalityKeyNames.URI, (path != null && !path.isEmpty()) ? path : "/");
	}

	protected KeyValue status(LangChain4jHttpObservationContext context) {
		Integer status = context.getStatusCode();
		return KeyValue.of(LowCardinalityKeyNames.STATUS, (status != null) ? status.toString() : "CLIENT_ERROR");
	}

	protected KeyValue clientName(LangChain4jHttpObservationContext context) {
		URI uri = context.getUri();
		String host = (uri != null) ? uri.getHost() : null;
		return KeyValue.of(LowCardinalityKeyNames.CLIENT_NAME, (host != null) ? host : NONE);
	}

	protected KeyValue exception(LangChain4jHttpObservationContext context) {
		Throwable error = context.getError();
		if (error == null) {
			return KeyValue.of(LowCardinalityKeyNames.EXCEPTION, NONE);
		}
		String name = error.getClass().getSimpleName();
		return KeyValue.of(LowCardinalityKeyNames.EXCEPTION, name.isEmpty() ? error.getClass().getName() : name);
	}

	protected KeyValue outcome(LangChain4jHttpObservationContext context) {
		Integer status = context.getStatusCode();
		String outcome;
		if (status == null) {
			outcome = "UNKNOWN";
		}
		else if (status >= 100 && status < 200) {
			outcome = "INFORMATIONAL";
		}
		else if (status < 300) {
			outcome = "SUCCESS";
		}
		else if (status < 400) {
			outcome = "REDIRECTION";
		}
		else if (status < 500) {
			outcome = "CLIENT_ERROR";
		}
		else if (status < 600) {
			outcome = "SERVER_ERROR";
		}
		else {
			outcome = "UNKNOWN";
		}
		return KeyValue.of(LowCardinalityKeyNames.OUTCOME, outcome);
	}

	protected KeyValue httpUrl(LangChain4jHttpObservationContext context) {
		String url = context.getRequest().url();
		int query = url.indexOf('?');
		return KeyValue.of(HighCardinalityKeyNames.HTTP_URL, (query >= 0) ? url.substring(0, query) : url);
	}

}
