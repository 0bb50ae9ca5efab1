package io.fastagentic.observation.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EventStreamResponse}: the events of an agent request's response are
 * counted on the run's stream, whoever writes them.
 */
class EventStreamResponseTests {

	private static final String EVENTS = "event:token\ndata:Hel\n\nevent:token\ndata:lo\n\n:keep-alive\n\n"
			+ "event:done\ndata:{}\n\n";

	private final List<StreamEmitObservationContext> stopped = new CopyOnWriteArrayList<>();

	private final ObservationRegistry registry = registry(this.stopped);

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/chat/stream");

	private final MockHttpServletResponse servletResponse = new MockHttpServletResponse();

	private final HttpServletResponse response = EventStreamResponse.watch(this.request, this.servletResponse);

	private final AgentStream stream = AgentStream.start(this.registry, null, "run-1", false);

	@Test
	void watchedResponseIsFoundFromItsRequest() {
		assertThat(EventStreamResponse.of(this.request)).isSameAs(this.response);
		assertThat(EventStreamResponse.of(new MockHttpServletRequest())).isNull();
	}

	@Test
	void eventsOfAnEventStreamAreCountedByTypeAndReachTheClientUnchanged() throws IOException {
		attach();
		this.response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE + ";charset=UTF-8");
		write(EVENTS);
		this.stream.complete();
		assertThat(counts()).containsExactlyInAnyOrderEntriesOf(Map.of("token", 2L, "done", 1L));
		assertThat(this.servletResponse.getContentAsString()).isEqualTo(EVENTS);
	}

	@Test
	void otherResponsesAreNotScanned() throws IOException {
		attach();
		this.response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		write("data:not an event\n\n");
		this.stream.complete();
		assertThat(this.stopped).isEmpty();
		assertThat(this.servletResponse.getContentAsString()).isEqualTo("data:not an event\n\n");
	}

	@Test
	void eventsAreNotCountedOnceTheApplicationRecordsThemItself() throws IOException {
		attach();
		this.response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
		AgentStream recorded = this.stream.recordedByApplication();
		write(EVENTS);
		recorded.emitted("token");
		recorded.complete();
		assertThat(counts()).containsExactlyEntriesOf(Map.of("token", 1L));
	}

	@Test
	void eventsAfterTheStreamEndedOpenNothing() throws IOException {
		attach();
		this.response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
		this.stream.complete();
		write(EVENTS);
		assertThat(this.stopped).isEmpty();
	}

	@Test
	void outputStreamIsOneForTheResponse() throws IOException {
		assertThat(this.response.getOutputStream()).isSameAs(this.response.getOutputStream());
	}

	private static ObservationRegistry registry(List<StreamEmitObservationContext> stopped) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<StreamEmitObservationContext>() {

			@Override
			public void onStop(StreamEmitObservationContext context) {
				stopped.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof StreamEmitObservationContext;
			}

		});
		return registry;
	}

	private void attach() {
		((EventStreamResponse) this.response).attach(this.stream);
	}

	private void write(String text) throws IOException {
		ServletOutputStream output = this.response.getOutputStream();
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		output.write(bytes, 0, 5);
		for (int i = 5; i < 9; i++) {
			output.write(bytes[i]);
		}
		output.write(bytes, 9, bytes.length - 9);
		output.flush();
	}

	private Map<String, Long> counts() {
		return this.stopped.stream()
			.collect(Collectors.toMap(StreamEmitObservationContext::getEventType,
					StreamEmitObservationContext::getCount));
	}

}
