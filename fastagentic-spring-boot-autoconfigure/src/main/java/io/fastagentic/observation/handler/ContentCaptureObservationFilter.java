package io.fastagentic.observation.handler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fastagentic.observation.llm.LlmCallDetails;
import io.fastagentic.observation.llm.LlmMessage;
import io.fastagentic.observation.tool.ToolCallDetails;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.json.JsonWriter;

/**
 * Adds the content of LLM and tool calls to their spans, in the current OpenTelemetry
 * GenAI form: {@code gen_ai.input.messages} and {@code gen_ai.output.messages} as JSON
 * arrays of messages with typed parts, {@code gen_ai.tool.call.arguments} and
 * {@code gen_ai.tool.call.result}. Registered only when
 * {@code fastagentic.llm.capture-content=true}: content may hold personal data and
 * secrets, so it is never exported by default.
 * <p>
 * Each value is bounded by the maximum length: a tool value is cut, and the text of the
 * messages shares the budget from the newest message back, so the newest turns survive
 * and the JSON stays valid.
 *
 * @author FastAgentic
 */
public class ContentCaptureObservationFilter implements ObservationFilter {

	static final String INPUT_MESSAGES = "gen_ai.input.messages";

	static final String OUTPUT_MESSAGES = "gen_ai.output.messages";

	static final String TOOL_ARGUMENTS = "gen_ai.tool.call.arguments";

	static final String TOOL_RESULT = "gen_ai.tool.call.result";

	private static final String ELLIPSIS = "…";

	private static final JsonWriter<Object> JSON = JsonWriter.standard();

	private final ObservationAdapters adapters;

	private final int maxLength;

	/**
	 * Create a filter.
	 * @param adapters tells which observations are LLM and tool calls
	 * @param maxLength the most characters of content kept in each value
	 */
	public ContentCaptureObservationFilter(ObservationAdapters adapters, int maxLength) {
		this.adapters = adapters;
		this.maxLength = maxLength;
	}

	@Override
	public Observation.Context map(Observation.Context context) {
		LlmCallDetails llm = this.adapters.llmCall(context);
		if (llm != null) {
			addMessages(context, INPUT_MESSAGES, llm.getInputMessages(), List.of());
			addMessages(context, OUTPUT_MESSAGES, llm.getOutputMessages(), llm.getFinishReasons());
			return context;
		}
		ToolCallDetails tool = this.adapters.toolCall(context);
		if (tool != null) {
			addText(context, TOOL_ARGUMENTS, tool.getArgumentsText());
			addText(context, TOOL_RESULT, tool.getResultText());
		}
		return context;
	}

	private void addText(Observation.Context context, String key, @Nullable String text) {
		if (text != null) {
			context.addHighCardinalityKeyValue(KeyValue.of(key, cut(text, this.maxLength)));
		}
	}

	private void addMessages(Observation.Context context, String key, List<LlmMessage> messages,
			List<String> finishReasons) {
		if (messages.isEmpty()) {
			return;
		}
		Deque<Map<String, Object>> kept = new ArrayDeque<>();
		int budget = this.maxLength;
		for (int i = messages.size() - 1; i >= 0 && budget > 0; i--) {
			LlmMessage message = messages.get(i);
			List<Map<String, Object>> parts = new ArrayList<>();
			if (message.toolCallId() != null || "tool".equals(message.role())) {
				String response = cut(nonNull(message.text()), budget);
				budget -= response.length();
				parts.add(part("tool_call_response", "id", nonNull(message.toolCallId()), "response", response));
			}
			else if (message.text() != null) {
				String text = cut(message.text(), budget);
				budget -= text.length();
				parts.add(part("text", "content", text));
			}
			for (LlmMessage.ToolCall call : message.toolCalls()) {
				String arguments = cut(nonNull(call.arguments()), Math.max(budget, 0));
				budget -= arguments.length();
				parts.add(part("tool_call", "id", nonNull(call.id()), "name", call.name(), "arguments", arguments));
			}
			Map<String, Object> rendered = new LinkedHashMap<>();
			rendered.put("role", message.role());
			rendered.put("parts", parts);
			if (i < finishReasons.size()) {
				rendered.put("finish_reason", finishReasons.get(i));
			}
			kept.addFirst(rendered);
		}
		context.addHighCardinalityKeyValue(KeyValue.of(key, JSON.writeToString(new ArrayList<>(kept))));
	}

	private static Map<String, Object> part(String type, String... keysAndValues) {
		Map<String, Object> part = new LinkedHashMap<>();
		part.put("type", type);
		for (int i = 0; i < keysAndValues.length; i += 2) {
			part.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return part;
	}

	private static String nonNull(@Nullable String text) {
		return (text != null) ? text : "";
	}

	private static String cut(String text, int maxLength) {
		return (text.length() <= maxLength) ? text : text.substring(0, Math.max(maxLength, 0)) + ELLIPSIS;
	}

}
