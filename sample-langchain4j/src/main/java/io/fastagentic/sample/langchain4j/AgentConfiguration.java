package io.fastagentic.sample.langchain4j;

import java.time.Duration;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;
import io.fastagentic.sample.FakeProviderServer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * Wires the agent as a LangChain4j user does, with no tracing code: OpenAI chat models
 * built with LangChain4j's builders and an AI service with the search tool. The provider
 * is the in-process {@link FakeProviderServer}, an OpenAI-compatible API and a search
 * service served over real HTTP on loopback, so the sample needs no network access and no
 * key.
 */
@Configuration(proxyBeanMethods = false)
class AgentConfiguration {

	/**
	 * The model the agent asks.
	 */
	static final String MODEL = "gpt-4o-mini";

	private static final String API_KEY = "fake-provider-key";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Bean(initMethod = "start", destroyMethod = "stop")
	FakeProviderServer fakeProviderServer() {
		return new FakeProviderServer();
	}

	// No retries: a failed provider call fails the request at once.
	@Bean
	OpenAiChatModel chatModel(FakeProviderServer provider) {
		return OpenAiChatModel.builder()
			.baseUrl(provider.baseUri() + "/v1")
			.apiKey(API_KEY)
			.modelName(MODEL)
			.timeout(TIMEOUT)
			.maxRetries(0)
			.build();
	}

	@Bean
	OpenAiStreamingChatModel streamingChatModel(FakeProviderServer provider) {
		return OpenAiStreamingChatModel.builder()
			.baseUrl(provider.baseUri() + "/v1")
			.apiKey(API_KEY)
			.modelName(MODEL)
			.timeout(TIMEOUT)
			.build();
	}

	/**
	 * Builds the search tool's client from the auto-configured builder rather than
	 * {@link RestClient#builder()}, so that it carries observations and trace
	 * propagation.
	 */
	@Bean
	RestClient searchRestClient(RestClient.Builder builder, FakeProviderServer provider) {
		return builder.baseUrl(provider.baseUri()).build();
	}

	@Bean
	Assistant assistant(OpenAiChatModel chatModel, OpenAiStreamingChatModel streamingChatModel, SearchTool tool) {
		return AiServices.builder(Assistant.class)
			.chatModel(chatModel)
			.streamingChatModel(streamingChatModel)
			.tools(tool)
			.build();
	}

}
