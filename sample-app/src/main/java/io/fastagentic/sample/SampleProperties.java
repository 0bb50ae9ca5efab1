package io.fastagentic.sample;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sample agent, bound from the {@code sample.*} properties.
 *
 * @param provider how to reach the LLM provider and the search tool
 * @param search where the search tool's service is, when not at the provider
 * @param llm which model the agent asks for
 * @param chat bounds of the chat API
 */
@ConfigurationProperties("sample")
public record SampleProperties(@DefaultValue Provider provider, @DefaultValue Search search, @DefaultValue Llm llm,
		@DefaultValue Chat chat) {

	/**
	 * How to reach the HTTP service that serves both the OpenAI-compatible
	 * {@code /v1/chat/completions} endpoint and the {@code /search} tool. Spring AI's
	 * {@code spring.ai.openai.base-url} and {@code api-key} are derived from these
	 * settings in {@code application.yml}.
	 *
	 * @param baseUrl base URL of the service (Spring AI calls {@code {baseUrl}/v1}); when
	 * unset, an in-process {@link FakeProviderServer} is started and its address set here
	 * @param apiKey bearer token sent to the service, if it requires one
	 * @param connectTimeout how long the search tool waits for a connection to the
	 * service
	 * @param readTimeout how long the search tool waits for each response of the service
	 */
	public record Provider(@Nullable URI baseUrl, @Nullable String apiKey, @DefaultValue("2s") Duration connectTimeout,
			@DefaultValue("10s") Duration readTimeout) {

	}

	/**
	 * Where the search tool's service is when it is a service of its own, such as the
	 * {@code sample-search-service} module, rather than the provider's {@code /search}
	 * endpoint.
	 *
	 * @param baseUrl base URL of the search service (the tool calls
	 * {@code {baseUrl}/search?q=}); when unset, the provider's base URL. The provider's
	 * API key is sent only to the provider's own URL.
	 */
	public record Search(@Nullable URI baseUrl) {

	}

	/**
	 * The language model the agent asks for.
	 *
	 * @param model model name the agent's chat client asks for
	 */
	public record Llm(@DefaultValue("gpt-4o-mini") String model) {

	}

	/**
	 * Bounds of the chat API.
	 *
	 * @param maxMessageLength the longest user message accepted, in characters; a longer
	 * one is answered {@code 413 Content Too Large} before the agent runs, so that it
	 * never reaches the checkpoints or the model
	 */
	public record Chat(@DefaultValue("16000") int maxMessageLength) {

	}

}
