package io.fastagentic.sample;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the sample whose search tool calls a search service of its own through
 * {@code sample.search.base-url}, apart from the provider.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.provider.api-key=test-key")
class ConfiguredSearchServiceTests {

	private static final FakeProviderServer provider = new FakeProviderServer();

	// Stands in for the search service: only its /search endpoint is called.
	private static final FakeProviderServer searchService = new FakeProviderServer();

	@Autowired
	private ConfigurableApplicationContext context;

	@BeforeAll
	static void startServers() {
		provider.start();
		searchService.start();
	}

	@AfterAll
	static void stopServers() {
		provider.stop();
		searchService.stop();
	}

	@DynamicPropertySource
	static void baseUrls(DynamicPropertyRegistry registry) {
		registry.add("sample.provider.base-url", () -> provider.baseUri().toString());
		registry.add("sample.search.base-url", () -> searchService.baseUri().toString());
	}

	@Test
	void searchToolCallsTheSearchServiceWithoutTheProvidersApiKey() throws Exception {
		HttpResponse<String> response = SampleApps.chat(this.context, "What is OTLP?", Map.of());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(provider.recentRequests()).extracting(FakeProviderServer.RecordedRequest::path)
			.containsExactly("/v1/chat/completions", "/v1/chat/completions");
		assertThat(searchService.recentRequests()).singleElement().satisfies((search) -> {
			assertThat(search.path()).isEqualTo("/search");
			assertThat(search.queryParameter("q")).isEqualTo("What is OTLP?");
			assertThat(search.header("Authorization")).isNull();
		});
	}

}
