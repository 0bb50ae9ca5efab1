package io.fastagentic.sample;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fastagentic.correlation.AgentSpan;
import io.fastagentic.correlation.AgentTracer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * The agent loop: search the web, ask the LLM with the search results as a tool answer,
 * and checkpoint the run after each step.
 */
@Service
public class AgentService {

	/**
	 * Checkpoint step saved once the search results are known.
	 */
	public static final String SEARCH_STEP = "search";

	/**
	 * Checkpoint step saved once the model has answered.
	 */
	public static final String ANSWER_STEP = "answer";

	private static final Log logger = LogFactory.getLog(AgentService.class);

	private static final String SYSTEM_PROMPT = "You are a helpful research assistant. Answer the user's question using "
			+ "the web_search results and cite the sources you rely on.";

	private static final String SEARCH_FUNCTION = "web_search";

	// One tool call per run, so a fixed id is unique within each conversation.
	private static final String SEARCH_CALL_ID = "call_web_search";

	private final SearchToolClient searchTool;

	private final LlmClient llm;

	private final CheckpointRepository checkpoints;

	private final JsonMapper jsonMapper;

	private final String model;

	private final AgentTracer tracer;

	/**
	 * Creates the agent.
	 * @param searchTool the web-search tool
	 * @param llm the LLM client
	 * @param checkpoints where runs are checkpointed
	 * @param jsonMapper serializes tool calls and checkpoint state
	 * @param properties the sample settings, naming the model to use
	 * @param tracer gives the run id FastAgentic assigned, and custom spans
	 */
	public AgentService(SearchToolClient searchTool, LlmClient llm, CheckpointRepository checkpoints,
			JsonMapper jsonMapper, SampleProperties properties, AgentTracer tracer) {
		this.tracer = tracer;
		this.searchTool = searchTool;
		this.llm = llm;
		this.checkpoints = checkpoints;
		this.jsonMapper = jsonMapper;
		this.model = properties.llm().model();
	}

	/**
	 * Runs the agent on one user message.
	 * @param message what the user asked, not blank
	 * @param sessionId the chat session the message belongs to, if any
	 * @return the outcome of the run
	 * @throws AgentRunException if the search tool or the LLM fails
	 */
	public AgentRun run(String message, @Nullable String sessionId) {
		// The run id FastAgentic put on the agent.run span and the X-Run-Id header; a
		// call
		// from outside an agent endpoint gets an id of its own.
		String currentRunId = this.tracer.currentRunId();
		String runId = (currentRunId != null) ? currentRunId : "run-" + UUID.randomUUID();
		logger.info("Agent run started for a message of " + message.length() + " characters");
		try {
			String query;
			try (AgentSpan span = this.tracer.startSpan("custom.preprocessing")) {
				span.setAttribute("input_size", message.length());
				query = message.strip();
			}
			SearchToolClient.SearchResults search = this.searchTool.search(query);
			String searchJson = this.jsonMapper.writeValueAsString(search);
			this.checkpoints.save(runId, sessionId, SEARCH_STEP, searchJson);
			// The tool call precedes its result, as OpenAI-compatible providers require.
			List<LlmClient.ChatMessage> conversation = List.of(LlmClient.ChatMessage.system(SYSTEM_PROMPT),
					LlmClient.ChatMessage.user(message),
					LlmClient.ChatMessage.toolCall(SEARCH_CALL_ID, SEARCH_FUNCTION,
							this.jsonMapper.writeValueAsString(Map.of("query", message))),
					LlmClient.ChatMessage.toolResult(SEARCH_CALL_ID, searchJson));
			LlmClient.Completion completion = this.llm.complete(this.model, conversation);
			List<String> sources = search.results().stream().map(SearchToolClient.SearchResult::url).toList();
			AgentRun run = new AgentRun(runId, completion.content(), completion.model(), completion.usage(), sources);
			this.checkpoints.save(runId, sessionId, ANSWER_STEP, this.jsonMapper.writeValueAsString(run));
			logger.info("Agent run answered using " + completion.usage().completionTokens() + " completion tokens");
			return run;
		}
		catch (ProviderException ex) {
			// Without the stack trace: an upstream failure is expected, and its cause's
			// message says what went wrong.
			logger.warn("Agent run " + runId + " failed: " + ex.getMessage()
					+ ((ex.getCause() != null) ? " (" + ex.getCause().getMessage() + ")" : ""));
			throw new AgentRunException(runId, ex);
		}
	}

}
