package io.fastagentic.langchain4j;

import java.net.URI;
import java.util.LinkedHashMap;

import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.RequestReplySenderContext;
import org.jspecify.annotations.Nullable;

/**
 * Context of a request that a LangChain4j model sends to its provider. Its carrier is a
 * copy of the request under construction, so that the tracing handler writes the
 * configured propagation headers into the request that is really sent.
 *
 * @author FastAgentic
 */
public class LangChain4jHttpObservationContext
		extends RequestReplySenderContext<HttpRequest.Builder, SuccessfulHttpResponse> {

	private final HttpRequest request;

	private final @Nullable URI uri;

	private @Nullable Integer statusCode;

	/**
	 * Create a context for a request.
	 * @param request the request the model built
	 */
	public LangChain4jHttpObservationContext(HttpRequest request) {
		super((carrier, key, value) -> {
			if (carrier != null) {
				carrier.addHeader(key, value);
			}
		}, Kind.CLIENT);
		this.request = request;
		this.uri = parse(request.url());
		setCarrier(copyOf(request));
		if (this.uri != null && this.uri.getScheme() != null && this.uri.getAuthority() != null) {
			setRemoteServiceAddress(this.uri.getScheme() + "://" + this.uri.getAuthority());
		}
	}

	private static @Nullable URI parse(String url) {
		try {
			return URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static HttpRequest.Builder copyOf(HttpRequest request) {
		HttpRequest.Builder builder = HttpRequest.builder()
			.method(request.method())
			.url(request.url())
			.headers(new LinkedHashMap<>(request.headers()));
		if (request.body() != null) {
			builder.body(request.body());
		}
		if (!request.formDataFields().isEmpty()) {
			builder.formDataFields(request.formDataFields());
		}
		if (!request.formDataFiles().isEmpty()) {
			builder.formDataFiles(request.formDataFiles());
		}
		return builder;
	}

	/**
	 * The request the model built, without propagation headers.
	 * @return the request
	 */
	public HttpRequest getRequest() {
		return this.request;
	}

	/**
	 * The URI of the request.
	 * @return the URI, or {@code null} when the URL does not parse
	 */
	public @Nullable URI getUri() {
		return this.uri;
	}

	/**
	 * The request to send: the model's request with the propagation headers.
	 * @return the request to send
	 */
	HttpRequest requestToSend() {
		HttpRequest.Builder carrier = getCarrier();
		return (carrier != null) ? carrier.build() : this.request;
	}

	/**
	 * The HTTP status of the response, a failed one included.
	 * @return the status, or {@code null} when no response came
	 */
	public @Nullable Integer getStatusCode() {
		SuccessfulHttpResponse response = getResponse();
		return (response != null) ? Integer.valueOf(response.statusCode()) : this.statusCode;
	}

	/**
	 * Record the status of a failed response.
	 * @param statusCode the status
	 */
	public void setStatusCode(int statusCode) {
		this.statusCode = statusCode;
	}

}
