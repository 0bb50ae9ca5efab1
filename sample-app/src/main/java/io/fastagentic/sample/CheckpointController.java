package io.fastagentic.sample;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reads back the checkpoints an agent run saved.
 */
@RestController
public class CheckpointController {

	private final CheckpointRepository checkpoints;

	/**
	 * Creates the controller.
	 * @param checkpoints where runs are checkpointed
	 */
	public CheckpointController(CheckpointRepository checkpoints) {
		this.checkpoints = checkpoints;
	}

	/**
	 * Returns the checkpoints of a run.
	 * @param runId the run
	 * @return its checkpoints in the order they were saved
	 * @throws ResponseStatusException with status 404 if the run saved none
	 */
	@GetMapping("/checkpoints/{runId}")
	public List<Checkpoint> checkpoints(@PathVariable String runId) {
		List<Checkpoint> checkpoints = this.checkpoints.findByRunId(runId);
		if (checkpoints.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No checkpoints for run " + runId);
		}
		return checkpoints;
	}

}
