package io.fastagentic.sample;

import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import org.jspecify.annotations.Nullable;

import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Thrown when the LLM provider or the search tool fails or cannot be reached.
 */
public final class ProviderException extends RuntimeException {

	private final String dependency;

	/**
	 * Creates an exception.
	 * @param dependency which remote dependency failed, such as {@code llm} or
	 * {@code search}
	 * @param message a description safe to show to API clients
	 * @param cause the underlying failure, if any
	 */
	public ProviderException(String dependency, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.dependency = dependency;
	}

	/**
	 * Translates a failed HTTP call.
	 * @param dependency which remote dependency was called
	 * @param failure the failure reported by the HTTP client
	 * @return the exception to throw
	 */
	static ProviderException of(String dependency, RestClientException failure) {
		// The upstream body is deliberately left out of the message: it is shown to API
		// clients and may contain provider internals.
		String message = (failure instanceof RestClientResponseException response)
				? "The " + dependency + " service answered HTTP " + response.getStatusCode().value()
				: "The " + dependency + " service could not be reached";
		return new ProviderException(dependency, message, failure);
	}

	/**
	 * Finds the dependency failure behind a failed agent run: a {@code ProviderException}
	 * of the search tool (which Spring AI wraps in its tool execution exception), or an
	 * error of the OpenAI client that Spring AI's model uses.
	 * @param failure what the agent run failed with
	 * @return the dependency failure, or {@code null} if no dependency failed
	 */
	static @Nullable ProviderException behind(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ProviderException provider) {
				return provider;
			}
			if (cause instanceof OpenAIServiceException response) {
				return new ProviderException("llm", "The llm service answered HTTP " + response.statusCode(), response);
			}
			if (cause instanceof OpenAIIoException io) {
				return new ProviderException("llm", "The llm service could not be reached", io);
			}
		}
		return null;
	}

	/**
	 * Returns which remote dependency failed.
	 * @return {@code llm} or {@code search}
	 */
	public String getDependency() {
		return this.dependency;
	}

}
