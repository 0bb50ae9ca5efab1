package io.fastagentic.sample;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

import io.fastagentic.observation.AgentObservations;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores agent checkpoints in the {@code agent_checkpoint} table.
 */
@Repository
public class CheckpointRepository {

	/**
	 * The backend recorded on checkpoint.write spans.
	 */
	static final String BACKEND = "jdbc";

	private final JdbcClient jdbcClient;

	private final AgentObservations observations;

	/**
	 * Creates a repository.
	 * @param jdbcClient the client of the application's data source
	 * @param observations traces each write as {@code checkpoint.write}
	 */
	public CheckpointRepository(JdbcClient jdbcClient, AgentObservations observations) {
		this.jdbcClient = jdbcClient;
		this.observations = observations;
	}

	/**
	 * Saves a checkpoint.
	 * @param runId the run the checkpoint belongs to
	 * @param sessionId the chat session of the run, if any
	 * @param step the step that was completed
	 * @param state what the run knew after the step, as a JSON document
	 */
	public void save(String runId, @Nullable String sessionId, String step, String state) {
		this.observations.checkpointWrite(BACKEND, state.getBytes(StandardCharsets.UTF_8).length, () -> this.jdbcClient
			.sql("INSERT INTO agent_checkpoint (run_id, session_id, step, state) VALUES (:runId, :sessionId, :step, :state)")
			.param("runId", runId)
			.param("sessionId", sessionId)
			.param("step", step)
			.param("state", state)
			.update());
	}

	/**
	 * Returns the checkpoints of a run.
	 * @param runId the run
	 * @return its checkpoints in the order they were saved, empty if the run is unknown
	 */
	public List<Checkpoint> findByRunId(String runId) {
		return this.jdbcClient.sql(
				"SELECT id, run_id, session_id, step, state, created_at FROM agent_checkpoint WHERE run_id = :runId ORDER BY id")
			.param("runId", runId)
			.query(CheckpointRepository::checkpoint)
			.list();
	}

	private static Checkpoint checkpoint(ResultSet row, int rowNumber) throws SQLException {
		return new Checkpoint(row.getLong("id"), row.getString("run_id"), row.getString("session_id"),
				row.getString("step"), row.getString("state"),
				row.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}
