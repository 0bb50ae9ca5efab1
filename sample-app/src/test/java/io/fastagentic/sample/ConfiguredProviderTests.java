package io.fastagentic.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the sample pointed at a provider of the user's choosing through
 * {@code sample.provider.base-url}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.provider.api-key=test-key")
class ConfiguredProviderTests {

	// Stands in for the user's provider: the application must not start its own.
	private static final FakeProviderServer userProvider = new FakeProviderServer();

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@BeforeAll
	static void startUserProvider() {
		userProvider.start();
	}

	@AfterAll
	static void stopUserProvider() {
		userProvider.stop();
	}

	@DynamicPropertySource
	static void providerBaseUrl(DynamicPropertyRegistry registry) {
		registry.add("sample.provider.base-url", () -> userProvider.baseUri().toString());
	}

	@Test
	void configuredProviderReplacesTheInProcessOneAndReceivesTheApiKey() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/chat"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"What is OTLP?\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.context.getBeanProvider(FakeProviderServer.class).getIfAvailable()).isNull();
		assertThat(userProvider.recentRequests()).extracting(FakeProviderServer.RecordedRequest::path)
			.containsExactly("/v1/chat/completions", "/search", "/v1/chat/completions");
		assertThat(userProvider.recentRequests())
			.allSatisfy((request) -> assertThat(request.header("Authorization")).isEqualTo("Bearer test-key"));
	}

}
