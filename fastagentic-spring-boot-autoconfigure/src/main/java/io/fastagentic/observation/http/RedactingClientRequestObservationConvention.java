package io.fastagentic.observation.http;

import java.net.URI;

import io.micrometer.common.KeyValue;

import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;

/**
 * Spring's convention for outgoing requests ({@code RestClient}, {@code RestTemplate}),
 * whose {@code http.url} keeps the query's parameter names but not their values, and no
 * user credentials, as the OpenTelemetry HTTP conventions allow: a tool called with the
 * user's words in its query ({@code /search?q=...}) must not export them.
 *
 * @author FastAgentic
 */
public class RedactingClientRequestObservationConvention extends DefaultClientRequestObservationConvention {

	static final String REDACTED = "REDACTED";

	@Override
	protected KeyValue requestUri(ClientRequestObservationContext context) {
		KeyValue uri = super.requestUri(context);
		return KeyValue.of(uri.getKey(), redact(uri.getValue()));
	}

	/**
	 * A URL without query values and credentials.
	 * @param url the URL as Spring reports it
	 * @return the URL with each query value and the user info replaced by
	 * {@value #REDACTED}
	 */
	static String redact(String url) {
		int queryStart = url.indexOf('?');
		String withoutQuery = (queryStart >= 0) ? url.substring(0, queryStart) : url;
		String redacted = redactUserInfo(withoutQuery);
		if (queryStart < 0) {
			return redacted;
		}
		int fragmentStart = url.indexOf('#', queryStart);
		String query = url.substring(queryStart + 1, (fragmentStart >= 0) ? fragmentStart : url.length());
		StringBuilder result = new StringBuilder(redacted).append('?');
		String[] parameters = query.split("&", -1);
		for (int i = 0; i < parameters.length; i++) {
			if (i > 0) {
				result.append('&');
			}
			int equals = parameters[i].indexOf('=');
			result.append((equals >= 0) ? parameters[i].substring(0, equals + 1) + REDACTED : parameters[i]);
		}
		return result.toString();
	}

	private static String redactUserInfo(String url) {
		try {
			URI uri = URI.create(url);
			if (uri.getRawUserInfo() == null) {
				return url;
			}
			return url.replace(uri.getRawUserInfo() + "@", REDACTED + ":" + REDACTED + "@");
		}
		catch (IllegalArgumentException ex) {
			return url;
		}
	}

}
