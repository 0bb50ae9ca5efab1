package io.fastagentic.sample;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import org.jspecify.annotations.Nullable;

/**
 * The saved state of an agent run after one of its steps.
 *
 * @param id the row id, increasing in the order checkpoints are saved
 * @param runId the run the checkpoint belongs to
 * @param sessionId the chat session of the run, if the client named one
 * @param step the step that was completed: the name of the tool that ran, such as
 * {@code search}, or {@value AgentService#ANSWER_STEP}
 * @param state what the run knew after the step, as a JSON document; embedded as JSON
 * rather than as an escaped string when serialized
 * @param createdAt when the checkpoint was saved
 */
public record Checkpoint(long id, @JsonProperty("run_id") String runId,
		@JsonProperty("session_id") @Nullable String sessionId, String step, @JsonRawValue String state,
		@JsonProperty("created_at") Instant createdAt) {

}
