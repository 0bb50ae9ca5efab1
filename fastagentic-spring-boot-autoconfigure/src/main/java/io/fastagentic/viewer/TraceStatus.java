package io.fastagentic.viewer;

/**
 * The status of a recent trace.
 *
 * @author FastAgentic
 */
public enum TraceStatus {

	/**
	 * No span of the trace is in error.
	 */
	OK,

	/**
	 * At least one span of the trace is in error.
	 */
	ERROR

}
