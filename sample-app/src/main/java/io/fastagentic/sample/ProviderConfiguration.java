package io.fastagentic.sample;

import java.net.URI;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * Wires the HTTP client that reaches the LLM provider and the search tool, and starts the
 * in-process {@link FakeProviderServer} when no real provider is configured.
 */
@Configuration(proxyBeanMethods = false)
final class ProviderConfiguration {

	@Bean(initMethod = "start", destroyMethod = "stop")
	@Conditional(NoProviderBaseUrlCondition.class)
	FakeProviderServer fakeProviderServer() {
		return new FakeProviderServer();
	}

	/**
	 * Builds the provider client from the auto-configured builder rather than
	 * {@link RestClient#builder()}, so that it carries whatever Spring Boot and other
	 * starters contribute (message converters, observations, trace propagation).
	 */
	@Bean
	RestClient providerRestClient(RestClient.Builder builder, ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder,
			HttpClientSettings httpClientSettings, SampleProperties properties,
			ObjectProvider<FakeProviderServer> fakeProviderServer) {
		SampleProperties.Provider provider = properties.provider();
		URI baseUrl = (provider.baseUrl() != null) ? provider.baseUrl() : fakeProviderServer.getObject().baseUri();
		// Start from the global spring.http.clients settings so that only the timeouts
		// are specific to the provider.
		HttpClientSettings settings = httpClientSettings.withTimeouts(provider.connectTimeout(),
				provider.readTimeout());
		builder.baseUrl(baseUrl).requestFactory(requestFactoryBuilder.build(settings));
		String apiKey = provider.apiKey();
		if (apiKey != null) {
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
