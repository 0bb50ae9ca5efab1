package io.fastagentic.langchain4j;

import java.time.Duration;
import java.util.function.Supplier;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Builds the HTTP client of the builder it wraps, observed by a
 * {@link TracingHttpClient}. The HTTP client SPI of LangChain4j admits one factory on the
 * classpath, so FastAgentic wraps the one the application chose instead of registering
 * another.
 *
 * @author FastAgentic
 */
final class TracingHttpClientBuilder implements HttpClientBuilder {

	private final HttpClientBuilder delegate;

	private final Supplier<@Nullable LangChain4jTracing> tracing;

	private final @Nullable LlmCallHandoff handoff;

	TracingHttpClientBuilder(HttpClientBuilder delegate, Supplier<@Nullable LangChain4jTracing> tracing,
			@Nullable LlmCallHandoff handoff) {
		this.delegate = delegate;
		this.tracing = tracing;
		this.handoff = handoff;
	}

	@Override
	public Duration connectTimeout() {
		return this.delegate.connectTimeout();
	}

	@Override
	public HttpClientBuilder connectTimeout(Duration timeout) {
		this.delegate.connectTimeout(timeout);
		return this;
	}

	@Override
	public Duration readTimeout() {
		return this.delegate.readTimeout();
	}

	@Override
	public HttpClientBuilder readTimeout(Duration timeout) {
		this.delegate.readTimeout(timeout);
		return this;
	}

	@Override
	public HttpClient build() {
		return new TracingHttpClient(this.delegate.build(), this.tracing, this.handoff);
	}

}
