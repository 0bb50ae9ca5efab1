package io.fastagentic.sample;

import java.net.URI;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * Wires the provider: the in-process {@link FakeProviderServer} when
 * {@code sample.provider.base-url} is not set, and the HTTP client of the search tool
 * (the provider's {@code /search}, or {@code sample.search.base-url}). Spring AI reaches
 * the same provider through the {@code spring.ai.openai.*} properties that
 * {@code application.yml} derives from {@code sample.provider.*}.
 */
@Configuration(proxyBeanMethods = false)
final class ProviderConfiguration {

	/**
	 * Starts the fake provider before any bean is created, so that Spring AI's OpenAI
	 * model, like every other bean, reads a complete configuration (see
	 * {@link FakeProviderStarter} for why this is a bean factory post-processor). Static,
	 * as bean factory post-processors must be.
	 */
	@Bean
	@Conditional(NoProviderBaseUrlCondition.class)
	static FakeProviderStarter fakeProviderStarter(ConfigurableEnvironment environment) {
		return new FakeProviderStarter(environment);
	}

	/**
	 * Builds the search tool's client from the auto-configured builder rather than
	 * {@link RestClient#builder()}, so that it carries whatever Spring Boot and other
	 * starters contribute (message converters, observations, trace propagation). It calls
	 * {@code sample.search.base-url} when set, else the provider.
	 */
	@Bean
	RestClient searchRestClient(RestClient.Builder builder, ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder,
			HttpClientSettings httpClientSettings, SampleProperties properties) {
		SampleProperties.Provider provider = properties.provider();
		// Start from the global spring.http.clients settings so that only the timeouts
		// are specific to the search tool.
		HttpClientSettings settings = httpClientSettings.withTimeouts(provider.connectTimeout(),
				provider.readTimeout());
		builder.requestFactory(requestFactoryBuilder.build(settings));
		URI searchUrl = properties.search().baseUrl();
		if (searchUrl != null) {
			return builder.baseUrl(searchUrl).build();
		}
		URI providerUrl = provider.baseUrl();
		Assert.state(providerUrl != null, "sample.provider.base-url is set, or the fake provider sets it");
		builder.baseUrl(providerUrl);
		String apiKey = provider.apiKey();
		if (apiKey != null && !apiKey.isEmpty()) {
			builder.defaultHeaders((headers) -> headers.setBearerAuth(apiKey));
		}
		return builder.build();
	}

	/**
	 * Matches when {@code sample.provider.base-url} is not set.
	 */
	static final class NoProviderBaseUrlCondition extends NoneNestedConditions {

		NoProviderBaseUrlCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty("sample.provider.base-url")
		static final class ProviderBaseUrlSet {

		}

	}

}
