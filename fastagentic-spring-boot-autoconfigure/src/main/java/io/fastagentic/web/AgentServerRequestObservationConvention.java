package io.fastagentic.web;

import java.util.Locale;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.OpenTelemetryServerHttpObservationDocumentation;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Spring's server request convention with the documented span name {@code HTTP {METHOD}
 * {route}} (the route template, never the raw path) and, on the span only, the documented
 * keys {@code path} (route, or the raw path when no route matched) and the OpenTelemetry
 * semantic-convention keys {@code http.request.method}, {@code http.route},
 * {@code url.path} and {@code http.response.status_code}. The metric keeps Spring's
 * low-cardinality tags.
 *
 * @author FastAgentic
 */
public class AgentServerRequestObservationConvention extends DefaultServerRequestObservationConvention {

	static final String PATH = "path";

	private static final String SEMCONV_METHOD = OpenTelemetryServerHttpObservationDocumentation.LowCardinalityKeyNames.METHOD
		.asString();

	private static final String SEMCONV_STATUS = OpenTelemetryServerHttpObservationDocumentation.LowCardinalityKeyNames.STATUS
		.asString();

	private static final String SEMCONV_ROUTE = OpenTelemetryServerHttpObservationDocumentation.LowCardinalityKeyNames.ROUTE
		.asString();

	private static final String SEMCONV_URL_PATH = OpenTelemetryServerHttpObservationDocumentation.HighCardinalityKeyNames.URL_PATH
		.asString();

	/**
	 * Create a convention.
	 * @param name the metric name, {@code http.server.requests} by default in Spring Boot
	 */
	public AgentServerRequestObservationConvention(String name) {
		super(name);
	}

	@Override
	public String getContextualName(ServerRequestObservationContext context) {
		HttpServletRequest request = context.getCarrier();
		String method = request.getMethod().toUpperCase(Locale.ROOT);
		String route = context.getPathPattern();
		return (route != null) ? "HTTP " + method + " " + route : "HTTP " + method;
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ServerRequestObservationContext context) {
		HttpServletRequest request = context.getCarrier();
		String route = context.getPathPattern();
		String urlPath = request.getRequestURI();
		// Added in one call and in key order: KeyValues sorts what does not come sorted,
		// and each KeyValues.and merges again.
		KeyValue[] added = new KeyValue[(route != null) ? 5 : 4];
		int i = 0;
		added[i++] = KeyValue.of(SEMCONV_METHOD, method(context).getValue());
		added[i++] = KeyValue.of(SEMCONV_STATUS, status(context).getValue());
		if (route != null) {
			added[i++] = KeyValue.of(SEMCONV_ROUTE, route);
		}
		added[i++] = KeyValue.of(PATH, (route != null) ? route : urlPath);
		added[i] = KeyValue.of(SEMCONV_URL_PATH, urlPath);
		return super.getHighCardinalityKeyValues(context).and(added);
	}

}
