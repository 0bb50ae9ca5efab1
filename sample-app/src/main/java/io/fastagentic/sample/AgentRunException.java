package io.fastagentic.sample;

/**
 * Thrown when an agent run fails because a remote dependency failed.
 */
public final class AgentRunException extends RuntimeException {

	private final String runId;

	/**
	 * Creates an exception.
	 * @param runId the run that failed, whose checkpoints show how far it got
	 * @param cause the dependency failure
	 */
	public AgentRunException(String runId, ProviderException cause) {
		super(cause.getMessage(), cause);
		this.runId = runId;
	}

	/**
	 * Returns the run that failed.
	 * @return the run id
	 */
	public String getRunId() {
		return this.runId;
	}

	/**
	 * Returns the dependency failure that stopped the run.
	 * @return the dependency failure
	 */
	public ProviderException getProviderFailure() {
		return (ProviderException) getCause();
	}

}
