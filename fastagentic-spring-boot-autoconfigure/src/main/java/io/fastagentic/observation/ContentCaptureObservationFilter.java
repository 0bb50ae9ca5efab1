package io.fastagentic.observation;

import java.util.Arrays;

import io.fastagentic.observation.llm.LlmCallObservationContext;
import io.fastagentic.observation.tool.ToolCallObservationContext;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import org.jspecify.annotations.Nullable;

/**
 * Adds prompt, completion and tool-argument content to spans, truncated. Registered only
 * when {@code fastagentic.llm.capture-content=true}: content may hold personal data and
 * secrets, so it is never exported by default.
 *
 * @author FastAgentic
 */
public class ContentCaptureObservationFilter implements ObservationFilter {

	static final String PROMPT = "gen_ai.prompt";

	static final String COMPLETION = "gen_ai.completion";

	static final String TOOL_ARGUMENTS = "gen_ai.tool.call.arguments";

	private static final String ELLIPSIS = "…";

	private final int maxLength;

	/**
	 * Create a filter.
	 * @param maxLength the most characters kept of each content value
	 */
	public ContentCaptureObservationFilter(int maxLength) {
		this.maxLength = maxLength;
	}

	@Override
	public Observation.Context map(Observation.Context context) {
		if (context instanceof LlmCallObservationContext llm) {
			add(context, PROMPT, llm.getPrompt());
			add(context, COMPLETION, llm.getCompletion());
		}
		else if (context instanceof ToolCallObservationContext tool) {
			Object arguments = tool.getArguments();
			add(context, TOOL_ARGUMENTS, (arguments instanceof Object[] array) ? Arrays.deepToString(array)
					: (arguments != null) ? arguments.toString() : null);
		}
		return context;
	}

	private void add(Observation.Context context, String key, @Nullable String content) {
		if (content != null) {
			context.addHighCardinalityKeyValue(KeyValue.of(key, truncate(content)));
		}
	}

	private String truncate(String content) {
		return (content.length() <= this.maxLength) ? content : content.substring(0, this.maxLength) + ELLIPSIS;
	}

}
