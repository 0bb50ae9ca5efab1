package io.fastagentic.sample;

import java.util.List;
import java.util.concurrent.CancellationException;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fastagentic.annotation.AgentEndpoint;
import io.fastagentic.observation.AgentObservations;
import io.fastagentic.observation.stream.AgentStream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The chat API: runs the agent on a user message and answers either in one JSON document
 * or as a stream of server-sent events.
 */
@RestController
public class ChatController {

	// The size of the agent_checkpoint.session_id column.
	private static final int MAX_SESSION_ID_LENGTH = 255;

	private final AgentService agent;

	private final AgentObservations observations;

	private final int maxMessageLength;

	/**
	 * Creates the controller.
	 * @param agent the agent
	 * @param observations traces the streamed events as {@code stream.emit {type}}
	 * @param properties the sample's settings, for the longest message accepted
	 */
	public ChatController(AgentService agent, AgentObservations observations, SampleProperties properties) {
		this.agent = agent;
		this.observations = observations;
		this.maxMessageLength = properties.chat().maxMessageLength();
	}

	/**
	 * Runs the agent and answers with the whole outcome.
	 * @param request the user message
	 * @return the outcome of the run
	 */
	@AgentEndpoint(path = "/chat", produces = MediaType.APPLICATION_JSON_VALUE)
	public AgentRun chat(@RequestBody ChatRequest request) {
		return this.agent.run(requireMessage(request), request.sessionId());
	}

	/**
	 * Runs the agent and streams its answer: a {@code token} event per piece of the
	 * answer as the model streams it, then a {@code done} event with the run id, model,
	 * token usage and sources. A failure is reported as an {@code error} event carrying a
	 * problem document.
	 * <p>
	 * FastAgentic ends the run's {@code agent.run} span when the returned stream ends,
	 * and hands the run to the model and tool calls made while it is consumed.
	 * @param request the user message
	 * @return the event stream
	 */
	@AgentEndpoint(path = "/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	public Flux<ServerSentEvent<Object>> chatStream(@RequestBody ChatRequest request) {
		String message = requireMessage(request);
		// Started here, in the run's scope: its stream.emit spans are the run's children
		// whatever thread sends the events.
		AgentStream events = this.observations.startStream();
		return this.agent.stream(message, request.sessionId())
			.map(ChatController::event)
			.doOnNext((event) -> events.emitted(event.event()))
			.doOnComplete(events::complete)
			.onErrorResume(AgentRunException.class, (ex) -> {
				// The status of an event stream is sent before its first event, so a
				// failed run is reported in-band.
				events.emitted("error");
				events.fail(ex);
				return Mono.just(ServerSentEvent.builder((Object) ChatExceptionHandler.agentRunFailed(ex))
					.event("error")
					.build());
			})
			.doOnError(events::fail)
			.doOnCancel(() -> events.fail(new CancellationException("The client went away")));
	}

	private static ServerSentEvent<Object> event(AgentEvent event) {
		if (event instanceof AgentEvent.Token token) {
			return ServerSentEvent.builder((Object) token.text()).event("token").build();
		}
		AgentRun run = ((AgentEvent.Done) event).run();
		return ServerSentEvent.builder((Object) new StreamSummary(run.runId(), run.model(), run.usage(), run.sources()))
			.event("done")
			.build();
	}

	private String requireMessage(ChatRequest request) {
		String message = request.message();
		if (message == null || message.isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'message' must not be blank");
		}
		if (message.length() > this.maxMessageLength) {
			throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
					"'message' must be at most %d characters (sample.chat.max-message-length), was %d"
						.formatted(this.maxMessageLength, message.length()));
		}
		if (request.sessionId() != null && request.sessionId().length() > MAX_SESSION_ID_LENGTH) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"'session_id' must be at most " + MAX_SESSION_ID_LENGTH + " characters");
		}
		return message.strip();
	}

	/**
	 * The data of the final {@code done} event of a stream.
	 *
	 * @param runId identifies the run
	 * @param model the model that answered
	 * @param usage the tokens the run's LLM calls consumed
	 * @param sources the addresses of the search results the model was given
	 */
	record StreamSummary(@JsonProperty("run_id") String runId, String model, TokenUsage usage, List<String> sources) {

	}

}
