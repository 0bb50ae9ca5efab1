package io.fastagentic.springai.openai;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer;
import org.springframework.ai.openai.http.okhttp.SpringAiOpenAiHttpClient;

/**
 * Replaces the observation interceptor of Spring AI's OpenAI HTTP client by
 * {@link ProviderCallObservationInterceptor}, the same observation with the streamed
 * call's parent found. Spring AI applies customizers after it set its registry, so the
 * builder's own interceptor gets the no-op registry.
 *
 * @author FastAgentic
 */
public final class ProviderCallObservationCustomizer implements OpenAiHttpClientBuilderCustomizer {

	private final ObservationRegistry registry;

	private final StreamedCallCorrelation correlation;

	/**
	 * Create the customizer.
	 * @param registry where the provider calls are observed
	 * @param correlation finds the chat observation of a streamed call
	 */
	public ProviderCallObservationCustomizer(ObservationRegistry registry, StreamedCallCorrelation correlation) {
		this.registry = registry;
		this.correlation = correlation;
	}

	@Override
	public void customize(SpringAiOpenAiHttpClient.Builder builder) {
		builder.observationRegistry(ObservationRegistry.NOOP);
		builder.interceptor(new ProviderCallObservationInterceptor(this.registry, this.correlation));
	}

}
