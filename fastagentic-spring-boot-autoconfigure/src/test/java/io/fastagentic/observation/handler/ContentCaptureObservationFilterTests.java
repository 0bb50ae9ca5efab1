package io.fastagentic.observation.handler;

import java.util.List;

import io.fastagentic.observation.llm.LlmCallObservationContext;
import io.fastagentic.observation.llm.LlmMessage;
import io.fastagentic.observation.stream.StreamEmitObservationContext;
import io.fastagentic.observation.tool.ToolCallObservationContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ContentCaptureObservationFilter}.
 */
class ContentCaptureObservationFilterTests {

	private final ContentCaptureObservationFilter filter = new ContentCaptureObservationFilter(
			new ObservationAdapters(List.of()), 12);

	@Test
	void messagesInTheGenAiFormWithToolCallsAndResults() {
		LlmCallObservationContext llm = new LlmCallObservationContext(null, "openai", "gpt-4o");
		llm.setInputMessages(List.of(LlmMessage.text("user", "hi"),
				new LlmMessage("assistant", null, List.of(new LlmMessage.ToolCall("c1", "search", "{}")), null),
				LlmMessage.toolResult("c1", "ok")));
		llm.setOutputMessages(List.of(LlmMessage.text("assistant", "hello")));
		llm.setFinishReasons(List.of("stop"));
		this.filter.map(llm);
		assertThat(llm.getHighCardinalityKeyValue(ContentCaptureObservationFilter.INPUT_MESSAGES).getValue())
			.isEqualTo("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"hi\"}]},"
					+ "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"c1\",\"name\":\"search\","
					+ "\"arguments\":\"{}\"}]},{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\","
					+ "\"id\":\"c1\",\"response\":\"ok\"}]}]");
		assertThat(llm.getHighCardinalityKeyValue(ContentCaptureObservationFilter.OUTPUT_MESSAGES).getValue())
			.isEqualTo("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"hello\"}],"
					+ "\"finish_reason\":\"stop\"}]");
	}

	@Test
	void textSharesTheBudgetFromTheNewestMessageBackAndTheJsonStaysValid() {
		LlmCallObservationContext llm = new LlmCallObservationContext(null, "openai", "gpt-4o");
		llm.setInputMessages(List.of(LlmMessage.text("system", "be \"brief\""), LlmMessage.text("user", "0123456789"),
				LlmMessage.text("user", "abcdefghij")));
		this.filter.map(llm);
		assertThat(llm.getHighCardinalityKeyValue(ContentCaptureObservationFilter.INPUT_MESSAGES).getValue())
			.isEqualTo("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"01…\"}]},"
					+ "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"abcdefghij\"}]}]");
	}

	@Test
	void toolArgumentsAndResultAreCut() {
		ToolCallObservationContext tool = new ToolCallObservationContext("search");
		tool.setArguments(new Object[] { "q", 3 });
		tool.setResult("a result that is long");
		this.filter.map(tool);
		assertThat(tool.getHighCardinalityKeyValue(ContentCaptureObservationFilter.TOOL_ARGUMENTS).getValue())
			.isEqualTo("[q, 3]");
		assertThat(tool.getHighCardinalityKeyValue(ContentCaptureObservationFilter.TOOL_RESULT).getValue())
			.isEqualTo("a result tha…");
	}

	@Test
	void otherObservationsAreLeftAlone() {
		StreamEmitObservationContext other = new StreamEmitObservationContext("token", null);
		this.filter.map(other);
		assertThat(other.getHighCardinalityKeyValues()).isEmpty();
	}

}
