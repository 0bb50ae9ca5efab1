package io.fastagentic.web.policy;

/**
 * A policy's decision and its reason, recorded as {@code policy.decision} and
 * {@code policy.reason}.
 *
 * @param allowed whether the request may go on
 * @param reason why, in words a caller may read
 * @author FastAgentic
 */
public record PolicyDecision(boolean allowed, String reason) {

	/**
	 * Let the request through.
	 * @param reason why
	 * @return the decision
	 */
	public static PolicyDecision allow(String reason) {
		return new PolicyDecision(true, reason);
	}

	/**
	 * Answer 403.
	 * @param reason why, sent to the caller
	 * @return the decision
	 */
	public static PolicyDecision deny(String reason) {
		return new PolicyDecision(false, reason);
	}

	/**
	 * The value recorded as {@code policy.decision}.
	 * @return {@code allow} or {@code deny}
	 */
	public String decision() {
		return this.allowed ? "allow" : "deny";
	}

}
