package io.fastagentic.sample.langchain4j;

import java.nio.charset.StandardCharsets;

import io.fastagentic.observation.AgentObservations;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stores the agent's checkpoints in the {@code agent_checkpoint} table, each write traced
 * as {@code checkpoint.write}.
 */
@Repository
public class CheckpointStore {

	private final JdbcTemplate jdbcTemplate;

	private final AgentObservations observations;

	/**
	 * Creates a store.
	 * @param jdbcTemplate the template of the application's data source
	 * @param observations traces each write as {@code checkpoint.write}
	 */
	public CheckpointStore(JdbcTemplate jdbcTemplate, AgentObservations observations) {
		this.jdbcTemplate = jdbcTemplate;
		this.observations = observations;
	}

	/**
	 * Saves the answer of a run.
	 * @param runId the run
	 * @param answer the answer the model gave
	 */
	public void saveAnswer(String runId, String answer) {
		this.observations.checkpointWrite("jdbc", answer.getBytes(StandardCharsets.UTF_8).length,
				() -> this.jdbcTemplate.update("INSERT INTO agent_checkpoint (run_id, step, state) VALUES (?, ?, ?)",
						runId, "answer", answer));
	}

}
