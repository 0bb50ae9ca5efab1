package io.fastagentic.sample;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The outcome of one agent run, as answered by {@code POST /chat}.
 *
 * @param runId identifies the run, for example to read its checkpoints
 * @param answer the model's answer
 * @param model the model that answered, as reported by the provider
 * @param usage the tokens the run's LLM calls consumed, summed
 * @param sources the addresses of the search results the model was given
 */
public record AgentRun(@JsonProperty("run_id") String runId, String answer, String model, TokenUsage usage,
		List<String> sources) {

}
