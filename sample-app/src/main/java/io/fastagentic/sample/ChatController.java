package io.fastagentic.sample;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fastagentic.annotation.AgentEndpoint;
import io.fastagentic.observation.AgentObservations;
import io.fastagentic.observation.stream.AgentStream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The chat API: runs the agent on a user message and answers either in one JSON document
 * or as a stream of server-sent events.
 */
@RestController
public class ChatController {

	// The size of the agent_checkpoint.session_id column.
	private static final int MAX_SESSION_ID_LENGTH = 255;

	private static final Log logger = LogFactory.getLog(ChatController.class);

	private final AgentService agent;

	private final AgentObservations observations;

	private final AsyncTaskExecutor executor;

	private final Duration streamTimeout;

	/**
	 * Creates the controller.
	 * @param agent the agent
	 * @param executor runs streamed agent runs off the servlet thread; Spring Boot's
	 * executor so that its task decorators, such as context propagation, apply
	 * @param properties the sample settings, bounding how long a stream may take
	 * @param observations traces the streamed events as {@code stream.emit {type}}
	 */
	public ChatController(AgentService agent,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) AsyncTaskExecutor executor,
			SampleProperties properties, AgentObservations observations) {
		this.agent = agent;
		this.observations = observations;
		this.executor = executor;
		SampleProperties.Provider provider = properties.provider();
		// A run makes two provider calls, each bounded by the client timeouts; the slack
		// covers the checkpoint writes and the streaming itself.
		this.streamTimeout = provider.connectTimeout().plus(provider.readTimeout()).multipliedBy(2).plusSeconds(5);
	}

	/**
	 * Runs the agent and answers with the whole outcome.
	 * @param request the user message
	 * @return the outcome of the run
	 */
	@AgentEndpoint(path = "/chat", produces = MediaType.APPLICATION_JSON_VALUE, adapter = "custom",
			model = "gpt-4o-mini")
	public AgentRun chat(@RequestBody ChatRequest request) {
		return this.agent.run(requireMessage(request), request.sessionId());
	}

	/**
	 * Runs the agent and streams its answer: one {@code token} event per word, then a
	 * {@code done} event with the run id, model, token usage and sources. A failure after
	 * the stream started is reported as an {@code error} event carrying a problem
	 * document.
	 * @param request the user message
	 * @return the event stream
	 */
	@AgentEndpoint(path = "/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE, adapter = "custom",
			model = "gpt-4o-mini")
	public SseEmitter chatStream(@RequestBody ChatRequest request) {
		String message = requireMessage(request);
		SseEmitter emitter = new SseEmitter(this.streamTimeout.toMillis());
		this.executor.execute(() -> stream(emitter, message, request.sessionId()));
		return emitter;
	}

	private void stream(SseEmitter emitter, String message, @Nullable String sessionId) {
		AgentStream events = this.observations.startStream();
		try {
			AgentRun run;
			try {
				run = this.agent.run(message, sessionId);
			}
			catch (AgentRunException ex) {
				// The response is committed as soon as the emitter is returned, so a
				// failure
				// can no longer change the HTTP status and is reported in-band instead.
				emitter.send(SseEmitter.event()
					.name("error")
					.data(ChatExceptionHandler.agentRunFailed(ex), MediaType.APPLICATION_JSON));
				events.emitted("error");
				events.fail(ex);
				emitter.complete();
				return;
			}
			List<String> tokens = words(run.answer());
			logger.info("Streaming " + tokens.size() + " tokens of run " + run.runId());
			for (String token : tokens) {
				emitter.send(SseEmitter.event().name("token").data(token));
				events.emitted("token");
			}
			emitter.send(SseEmitter.event()
				.name("done")
				.data(new StreamSummary(run.runId(), run.model(), run.usage(), run.sources()),
						MediaType.APPLICATION_JSON));
			events.emitted("done");
			events.complete();
			emitter.complete();
		}
		catch (IOException ex) {
			// The client went away: the servlet container completes the emitter itself.
			events.fail(ex);
		}
		catch (RuntimeException ex) {
			events.fail(ex);
			emitter.completeWithError(ex);
		}
	}

	private static List<String> words(String text) {
		return Arrays.stream(text.strip().split("\\s+")).filter((word) -> !word.isEmpty()).toList();
	}

	private static String requireMessage(ChatRequest request) {
		String message = request.message();
		if (message == null || message.isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'message' must not be blank");
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
	 * @param usage the tokens the LLM call consumed
	 * @param sources the addresses of the search results the model was given
	 */
	record StreamSummary(@JsonProperty("run_id") String runId, String model, TokenUsage usage, List<String> sources) {

	}

}
