package io.fastagentic.observation.checkpoint;

import io.micrometer.observation.Observation;

/**
 * Context of a {@code checkpoint.write} observation.
 *
 * @author FastAgentic
 */
public class CheckpointWriteObservationContext extends Observation.Context {

	private final String backend;

	private final long sizeBytes;

	/**
	 * Create a context.
	 * @param backend where the checkpoint goes, for example {@code jdbc}
	 * @param sizeBytes its size in bytes
	 */
	public CheckpointWriteObservationContext(String backend, long sizeBytes) {
		this.backend = backend;
		this.sizeBytes = sizeBytes;
	}

	public String getBackend() {
		return this.backend;
	}

	public long getSizeBytes() {
		return this.sizeBytes;
	}

}
