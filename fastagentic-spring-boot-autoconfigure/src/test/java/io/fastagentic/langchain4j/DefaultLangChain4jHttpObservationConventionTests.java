package io.fastagentic.langchain4j;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import io.micrometer.common.KeyValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultLangChain4jHttpObservationConvention}: the names and keys of
 * Spring's HTTP client observations, and no query (some providers put the API key there).
 */
class DefaultLangChain4jHttpObservationConventionTests {

	private final DefaultLangChain4jHttpObservationConvention convention = new DefaultLangChain4jHttpObservationConvention();

	private final HttpRequest request = HttpRequest.builder()
		.method(HttpMethod.POST)
		.url("https://generativelanguage.example/v1beta/models/gemini:generateContent")
		.addQueryParam("key", "secret")
		.addHeader("Content-Type", "application/json")
		.body("{}")
		.build();

	@Test
	void successfulRequestHasSpringsKeysWithoutItsQuery() {
		LangChain4jHttpObservationContext context = new LangChain4jHttpObservationContext(this.request);
		context.setResponse(SuccessfulHttpResponse.builder().statusCode(200).build());
		assertThat(this.convention.getName()).isEqualTo("http.client.requests");
		assertThat(this.convention.getContextualName(context)).isEqualTo("http post");
		assertThat(this.convention.getLowCardinalityKeyValues(context)).containsExactlyInAnyOrder(
				KeyValue.of("method", "POST"), KeyValue.of("uri", "/v1beta/models/gemini:generateContent"),
				KeyValue.of("status", "200"), KeyValue.of("client.name", "generativelanguage.example"),
				KeyValue.of("exception", "none"), KeyValue.of("outcome", "SUCCESS"));
		assertThat(this.convention.getHighCardinalityKeyValues(context)).containsExactly(
				KeyValue.of("http.url", "https://generativelanguage.example/v1beta/models/gemini:generateContent"));
		assertThat(context.getRemoteServiceAddress()).isEqualTo("https://generativelanguage.example");
	}

	@Test
	void failedRequestHasItsStatusAndException() {
		LangChain4jHttpObservationContext context = new LangChain4jHttpObservationContext(this.request);
		context.setStatusCode(429);
		context.setError(new HttpException(429, "slow down"));
		assertThat(this.convention.getLowCardinalityKeyValues(context)).contains(KeyValue.of("status", "429"),
				KeyValue.of("outcome", "CLIENT_ERROR"), KeyValue.of("exception", "HttpException"));
	}

	@Test
	void propagationHeadersGoIntoTheRequestSentOnly() {
		LangChain4jHttpObservationContext context = new LangChain4jHttpObservationContext(this.request);
		context.getSetter()
			.set(context.getCarrier(), "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
		HttpRequest sent = context.requestToSend();
		assertThat(sent.headers()).containsKey("traceparent").containsKey("Content-Type");
		assertThat(sent.url()).isEqualTo(this.request.url());
		assertThat(sent.body()).isEqualTo("{}");
		assertThat(this.request.headers()).doesNotContainKey("traceparent");
	}

}
