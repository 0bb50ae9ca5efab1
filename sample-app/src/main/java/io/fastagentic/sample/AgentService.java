package io.fastagentic.sample;

import java.util.UUID;

import io.fastagentic.correlation.AgentSpan;
import io.fastagentic.correlation.AgentTracer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * The agent: a Spring AI {@link ChatClient} with a system prompt and the {@code search}
 * tool. The model decides to search, Spring AI runs the tool and asks the model again
 * with its results, and the run is checkpointed after the tool step (by
 * {@link ToolStepCheckpointAdvisor}) and once answered. FastAgentic traces the model and
 * tool calls with no code here; the run adds a custom span and its checkpoints.
 */
@Service
public class AgentService {

	/**
	 * Checkpoint step saved once the model has answered; each tool step is saved under
	 * the tool's name.
	 */
	public static final String ANSWER_STEP = "answer";

	private static final Log logger = LogFactory.getLog(AgentService.class);

	private static final String SYSTEM_PROMPT = "You are a helpful research assistant. Search the web with the search "
			+ "tool, then answer the user's question and cite the sources you rely on.";

	private final ChatClient chatClient;

	private final SearchToolClient searchTool;

	private final CheckpointRepository checkpoints;

	private final JsonMapper jsonMapper;

	private final AgentTracer tracer;

	/**
	 * Creates the agent.
	 * @param chatClientBuilder Spring AI's auto-configured builder, whose model and tool
	 * calling FastAgentic traces
	 * @param searchTool the web-search service behind the {@code search} tool
	 * @param checkpoints where runs are checkpointed
	 * @param jsonMapper serializes checkpoint state
	 * @param properties the sample settings, naming the model to use
	 * @param tracer gives the run id FastAgentic assigned, and custom spans
	 */
	public AgentService(ChatClient.Builder chatClientBuilder, SearchToolClient searchTool,
			CheckpointRepository checkpoints, JsonMapper jsonMapper, SampleProperties properties, AgentTracer tracer) {
		this.chatClient = chatClientBuilder.defaultSystem(SYSTEM_PROMPT)
			.defaultOptions(ChatOptions.builder().model(properties.llm().model()))
			.defaultAdvisors(new ToolStepCheckpointAdvisor(checkpoints))
			.build();
		this.searchTool = searchTool;
		this.checkpoints = checkpoints;
		this.jsonMapper = jsonMapper;
		this.tracer = tracer;
	}

	/**
	 * Runs the agent on one user message.
	 * @param message what the user asked, not blank
	 * @param sessionId the chat session the message belongs to, if any
	 * @return the outcome of the run
	 * @throws AgentRunException if the search tool or the LLM fails
	 */
	public AgentRun run(String message, @Nullable String sessionId) {
		Run run = start(message, sessionId);
		ChatResponse response;
		try {
			response = prompt(run).call().chatResponse();
		}
		catch (RuntimeException ex) {
			throw failed(run, ex);
		}
		String answer = (response != null) ? text(response) : null;
		if (response == null || answer == null) {
			throw failed(run, new ProviderException("llm", "The llm service returned no answer", null));
		}
		return answered(run, answer, response.getMetadata().getModel(), usage(response.getMetadata().getUsage()));
	}

	/**
	 * Runs the agent on one user message and streams its answer as the model writes it.
	 * The run starts at once (its custom span and run id belong to the caller's agent
	 * run); the model is called when the events are subscribed to.
	 * @param message what the user asked, not blank
	 * @param sessionId the chat session the message belongs to, if any
	 * @return a {@link AgentEvent.Token} per piece of the answer, then
	 * {@link AgentEvent.Done}; an {@link AgentRunException} if the search tool or the LLM
	 * fails
	 */
	public Flux<AgentEvent> stream(String message, @Nullable String sessionId) {
		Run run = start(message, sessionId);
		StreamedAnswer answer = new StreamedAnswer();
		Flux<AgentEvent> tokens = prompt(run).stream()
			.chatResponse()
			.doOnNext(answer::add)
			.mapNotNull(AgentService::text)
			.filter(StringUtils::hasLength)
			.map(AgentEvent.Token::new);
		// handle() runs with the run's observation restored from the Reactor context, so
		// the answer's checkpoint and log line belong to the run on the thread where the
		// stream ended.
		Mono<AgentEvent> done = Mono.just(answer)
			.handle((streamed, sink) -> sink
				.next(new AgentEvent.Done(answered(run, streamed.text(), streamed.model(), streamed.usage()))));
		return tokens.concatWith(done).onErrorMap((failure) -> failed(run, failure));
	}

	private Run start(String message, @Nullable String sessionId) {
		// The run id FastAgentic put on the agent.run span and the X-Run-Id header; a
		// call from outside an agent endpoint gets an id of its own.
		String currentRunId = this.tracer.currentRunId();
		String runId = (currentRunId != null) ? currentRunId : "run-" + UUID.randomUUID();
		logger.info("Agent run started for a message of " + message.length() + " characters");
		String question;
		try (AgentSpan span = this.tracer.startSpan("custom.preprocessing")) {
			span.setAttribute("input_size", message.length());
			question = message.strip();
		}
		return new Run(runId, sessionId, question, new SearchTools(this.searchTool));
	}

	private ChatClient.ChatClientRequestSpec prompt(Run run) {
		return this.chatClient.prompt().user(run.question()).tools(run.tools()).advisors((advisors) -> {
			advisors.param(ToolStepCheckpointAdvisor.RUN_ID, run.id());
			if (run.sessionId() != null) {
				advisors.param(ToolStepCheckpointAdvisor.SESSION_ID, run.sessionId());
			}
		});
	}

	private AgentRun answered(Run run, String answer, String model, TokenUsage usage) {
		AgentRun outcome = new AgentRun(run.id(), answer, model, usage, run.tools().sources());
		this.checkpoints.save(run.id(), run.sessionId(), ANSWER_STEP, this.jsonMapper.writeValueAsString(outcome));
		logger.info("Agent run answered using " + usage.completionTokens() + " completion tokens");
		return outcome;
	}

	private RuntimeException failed(Run run, Throwable failure) {
		ProviderException dependency = ProviderException.behind(failure);
		if (dependency == null) {
			return (failure instanceof RuntimeException runtime) ? runtime : new IllegalStateException(failure);
		}
		// Without the stack trace: an upstream failure is expected, and its cause's
		// message says what went wrong.
		logger.warn("Agent run " + run.id() + " failed: " + dependency.getMessage()
				+ ((dependency.getCause() != null) ? " (" + dependency.getCause().getMessage() + ")" : ""));
		return new AgentRunException(run.id(), dependency);
	}

	private static @Nullable String text(ChatResponse response) {
		Generation generation = response.getResult();
		AssistantMessage output = (generation != null) ? generation.getOutput() : null;
		return (output != null) ? output.getText() : null;
	}

	private static TokenUsage usage(@Nullable Usage usage) {
		if (usage == null) {
			return new TokenUsage(0, 0);
		}
		Integer prompt = usage.getPromptTokens();
		Integer completion = usage.getCompletionTokens();
		return new TokenUsage((prompt != null) ? prompt : 0, (completion != null) ? completion : 0);
	}

	/**
	 * One run of the agent.
	 *
	 * @param id the run id
	 * @param sessionId the chat session of the run, if any
	 * @param question the preprocessed user message
	 * @param tools the run's tools
	 */
	private record Run(String id, @Nullable String sessionId, String question, SearchTools tools) {

	}

	/**
	 * Collects what a stream says about the whole answer: its text, and the model and
	 * usage that the provider reports with the last chunks (the usage summed over the
	 * tool round and the answer by Spring AI).
	 */
	private static final class StreamedAnswer {

		private final StringBuilder text = new StringBuilder();

		private String model = "";

		private @Nullable Usage usage;

		synchronized void add(ChatResponse response) {
			String piece = AgentService.text(response);
			if (piece != null) {
				this.text.append(piece);
			}
			ChatResponseMetadata metadata = response.getMetadata();
			if (StringUtils.hasText(metadata.getModel())) {
				this.model = metadata.getModel();
			}
			Usage reported = metadata.getUsage();
			if (reported != null && reported.getTotalTokens() != null && reported.getTotalTokens() > 0) {
				this.usage = reported;
			}
		}

		synchronized String text() {
			return this.text.toString();
		}

		synchronized String model() {
			return this.model;
		}

		synchronized TokenUsage usage() {
			return AgentService.usage(this.usage);
		}

	}

}
