package io.fastagentic.sample;

import io.fastagentic.viewer.RecentTraces;
import io.fastagentic.viewer.TracesEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code fastagentic.viewer.enabled=true} the trace viewer does not exist, even
 * with the endpoint in the exposure list: nothing is recorded and nothing is served, and
 * one line at startup says so and what to set.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "fastagentic.viewer.enabled=false")
@AutoConfigureTracing
class TraceViewerDisabledTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Test
	void endpointAndPageAreNotFound() throws Exception {
		ViewerApi api = new ViewerApi(this.port);
		ViewerApi.Chat chat = api.chat("Is anyone recording?");
		assertThat(chat.status()).isEqualTo(200);
		assertThat(api.get("/actuator/traces").statusCode()).isEqualTo(404);
		assertThat(api.get("/actuator/traces/" + chat.traceId()).statusCode()).isEqualTo(404);
		assertThat(api.get("/actuator/traces/ui").statusCode()).isEqualTo(404);
		assertThat(api.json("/actuator").path("_links").has("traces")).isFalse();
	}

	@Test
	void nothingRecordsSpans() {
		assertThat(this.context.getBeansOfType(RecentTraces.class)).isEmpty();
		assertThat(this.context.getBeansOfType(TracesEndpoint.class)).isEmpty();
	}

	@Test
	void startupSaysWhyThePageIsNotServedAndWhatToSet(CapturedOutput output) {
		assertThat(output).containsOnlyOnce("The 'traces' actuator endpoint is listed in "
				+ "management.endpoints.web.exposure.include but the trace viewer is off, so /actuator/traces/ui "
				+ "answers 404: set fastagentic.viewer.enabled=true");
	}

}
