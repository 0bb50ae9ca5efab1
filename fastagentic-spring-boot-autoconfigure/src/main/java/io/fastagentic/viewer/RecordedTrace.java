package io.fastagentic.viewer;

import java.util.List;

/**
 * One recent trace with all the spans kept of it.
 *
 * @param summary the trace as listed
 * @param spans its spans, earliest start first
 * @author FastAgentic
 */
public record RecordedTrace(TraceSummary summary, List<RecordedSpan> spans) {

}
