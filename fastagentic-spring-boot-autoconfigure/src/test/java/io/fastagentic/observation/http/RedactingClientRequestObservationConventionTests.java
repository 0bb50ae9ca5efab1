package io.fastagentic.observation.http;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.mock.http.client.MockClientHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RedactingClientRequestObservationConvention}.
 */
class RedactingClientRequestObservationConventionTests {

	private final RedactingClientRequestObservationConvention convention = new RedactingClientRequestObservationConvention();

	@Test
	void queryValuesAreRedactedAndNamesKept() {
		assertThat(url("http://localhost:8080/search?q=my%20SSN%20is%20078-05-1120&page=2&flag"))
			.isEqualTo("http://localhost:8080/search?q=REDACTED&page=REDACTED&flag");
	}

	@Test
	void credentialsAreRedacted() {
		assertThat(url("https://alice:secret@example.com/v1/chat"))
			.isEqualTo("https://REDACTED:REDACTED@example.com/v1/chat");
	}

	@Test
	void urlWithoutQueryIsKept() {
		assertThat(url("http://localhost/v1/chat/completions")).isEqualTo("http://localhost/v1/chat/completions");
	}

	@Test
	void aMegabyteOfQueryBecomesOneWord() {
		String url = url("http://localhost/search?q=" + "x".repeat(1_000_000));
		assertThat(url).isEqualTo("http://localhost/search?q=REDACTED");
	}

	private String url(String url) {
		ClientHttpRequest request = new MockClientHttpRequest(HttpMethod.GET, URI.create(url));
		ClientRequestObservationContext context = new ClientRequestObservationContext(request);
		return this.convention.getHighCardinalityKeyValues(context)
			.stream()
			.filter((keyValue) -> keyValue.getKey().equals("http.url"))
			.findFirst()
			.orElseThrow()
			.getValue();
	}

}
