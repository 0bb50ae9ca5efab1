package io.fastagentic.sample.langchain4j;

import java.io.IOException;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fastagentic.annotation.AgentEndpoint;
import io.fastagentic.correlation.AgentTracer;

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

	private final Assistant assistant;

	private final CheckpointStore checkpoints;

	private final AgentTracer tracer;

	/**
	 * Creates the controller.
	 * @param assistant the agent
	 * @param checkpoints stores the answers
	 * @param tracer gives the run id FastAgentic assigned
	 */
	public ChatController(Assistant assistant, CheckpointStore checkpoints, AgentTracer tracer) {
		this.assistant = assistant;
		this.checkpoints = checkpoints;
		this.tracer = tracer;
	}

	/**
	 * Runs the agent and answers with its outcome.
	 * @param request the user message
	 * @return the run id and the answer
	 */
	@AgentEndpoint(path = "/chat", produces = MediaType.APPLICATION_JSON_VALUE)
	public ChatAnswer chat(@RequestBody ChatRequest request) {
		String message = requireMessage(request);
		String runId = runId();
		String answer = this.assistant.chat(message);
		this.checkpoints.saveAnswer(runId, answer);
		return new ChatAnswer(runId, answer);
	}

	/**
	 * Runs the agent and streams its answer: a {@code token} event per piece of the
	 * answer as the model streams it, then a {@code done} event with the run id and the
	 * whole answer.
	 * <p>
	 * LangChain4j calls back on its HTTP client's threads; FastAgentic runs the callbacks
	 * in the run's scope, so the tool call and the checkpoint stay in the run's trace,
	 * records the events the emitter sends as {@code stream.emit {type}} spans, and ends
	 * the run's {@code agent.run} span when the emitter completes.
	 * @param request the user message
	 * @return the event stream
	 */
	@AgentEndpoint(path = "/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	public SseEmitter chatStream(@RequestBody ChatRequest request) {
		String message = requireMessage(request);
		String runId = runId();
		AnswerEvents events = new AnswerEvents();
		this.assistant.chatStream(message)
			.onPartialResponse((token) -> events.send("token", token))
			.onCompleteResponse((response) -> {
				String answer = response.aiMessage().text();
				this.checkpoints.saveAnswer(runId, answer);
				events.send("done", new ChatAnswer(runId, answer));
				events.complete();
			})
			.onError(events::fail)
			.start();
		return events.emitter;
	}

	private String runId() {
		String runId = this.tracer.currentRunId();
		return (runId != null) ? runId : "run-" + UUID.randomUUID();
	}

	private static String requireMessage(ChatRequest request) {
		String message = request.message();
		if (message == null || message.isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'message' must not be blank");
		}
		return message.strip();
	}

	/**
	 * The server-sent events of one streamed run. Once the client has gone away, the rest
	 * of the run's events are dropped.
	 */
	private static final class AnswerEvents {

		private final SseEmitter emitter = new SseEmitter();

		private volatile boolean clientGone;

		void send(String type, Object data) {
			if (this.clientGone) {
				return;
			}
			try {
				this.emitter.send(SseEmitter.event().name(type).data(data));
			}
			catch (IOException ex) {
				this.clientGone = true;
			}
		}

		void complete() {
			if (!this.clientGone) {
				this.emitter.complete();
			}
		}

		void fail(Throwable error) {
			if (!this.clientGone) {
				this.emitter.completeWithError(error);
			}
		}

	}

	/**
	 * A chat request.
	 *
	 * @param message the user message
	 */
	public record ChatRequest(String message) {

	}

	/**
	 * The outcome of a run.
	 *
	 * @param runId identifies the run
	 * @param answer the model's answer
	 */
	public record ChatAnswer(@JsonProperty("run_id") String runId, String answer) {

	}

}
