package io.fastagentic.benchmarks.support;

import java.nio.charset.StandardCharsets;

/**
 * The values one benchmarked agent request works with, shared by FastAgentic and its
 * plain Spring Boot peer so that both record the same attributes.
 */
public final class Workload {

	/**
	 * The route.
	 */
	public static final String ROUTE = "/chat";

	/**
	 * The request body.
	 */
	public static final byte[] REQUEST_BODY = "{\"message\":\"What is OpenTelemetry?\"}"
		.getBytes(StandardCharsets.UTF_8);

	/**
	 * The adapter of the agent endpoint.
	 */
	public static final String ADAPTER = "custom";

	/**
	 * The model requested.
	 */
	public static final String MODEL = "gpt-4o-mini";

	/**
	 * The model that answers (priced by its longest priced prefix).
	 */
	public static final String RESPONSE_MODEL = "gpt-4o-mini-2024-07-18";

	/**
	 * The provider.
	 */
	public static final String PROVIDER = "openai";

	/**
	 * The tool.
	 */
	public static final String TOOL = "search";

	/**
	 * The tool's arguments.
	 */
	public static final String QUERY = "What is OpenTelemetry?";

	/**
	 * The checkpoint backend.
	 */
	public static final String BACKEND = "jdbc";

	/**
	 * The checkpoint size, in bytes.
	 */
	public static final long CHECKPOINT_SIZE = 512;

	/**
	 * Prompt tokens of the LLM call.
	 */
	public static final long PROMPT_TOKENS = 72;

	/**
	 * Completion tokens of the LLM call.
	 */
	public static final long COMPLETION_TOKENS = 41;

	/**
	 * The answer.
	 */
	public static final String ANSWER = "OpenTelemetry is an observability framework.";

	/**
	 * The streamed event type.
	 */
	public static final String EVENT_TYPE = "token";

	private Workload() {
	}

}
