package io.fastagentic.sample;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FakeLanguageModel}.
 */
class FakeLanguageModelTests {

	private static final String SEARCH_RESULTS = """
			{"query": "otel", "results": [
				{"title": "OTel overview", "url": "https://example.com/otel", "snippet": "What it is."},
				{"title": "OTel guide", "url": "https://example.org/otel", "snippet": "How to use it."}]}""";

	private static final FakeLanguageModel.Message SYSTEM = new FakeLanguageModel.Message("system", "Be brief.");

	private static final FakeLanguageModel.Message QUESTION = new FakeLanguageModel.Message("user", " What is otel? ");

	private static final FakeLanguageModel.Message TOOL_CALL = new FakeLanguageModel.Message("assistant", null);

	private static final FakeLanguageModel.Message TOOL_RESULT = new FakeLanguageModel.Message("tool", SEARCH_RESULTS);

	private final FakeLanguageModel model = new FakeLanguageModel();

	@Test
	void countsOneTokenPerWhitespaceSeparatedWord() {
		assertThat(FakeLanguageModel.countTokens("What is  OpenTelemetry?")).isEqualTo(3);
		assertThat(FakeLanguageModel.countTokens("  leading\tand\ntrailing  ")).isEqualTo(3);
		assertThat(FakeLanguageModel.countTokens("{\"query\":\"a b\"}")).isEqualTo(2);
	}

	@Test
	void countsNoTokensForMissingOrBlankText() {
		assertThat(FakeLanguageModel.countTokens(null)).isZero();
		assertThat(FakeLanguageModel.countTokens("")).isZero();
		assertThat(FakeLanguageModel.countTokens(" \t\n")).isZero();
	}

	@Test
	void offeredTheSearchToolItSearchesForTheQuestionFirst() {
		FakeLanguageModel.Turn turn = this.model.respond(List.of(SYSTEM, QUESTION), true);

		assertThat(turn.content()).isNull();
		assertThat(turn.toolCall()).isEqualTo(new FakeLanguageModel.ToolCall(FakeLanguageModel.SEARCH_CALL_ID,
				FakeLanguageModel.SEARCH_TOOL, "{\"query\":\"What is otel?\"}"));
		assertThat(turn.promptTokens()).isEqualTo(2 + 3);
		assertThat(turn.cachedPromptTokens()).isZero();
		assertThat(turn.completionTokens()).isEqualTo(3);
	}

	@Test
	void givenTheToolResultsItAnswersCitingThemWithThePreviousRoundCached() {
		FakeLanguageModel.Turn turn = this.model.respond(List.of(SYSTEM, QUESTION, TOOL_CALL, TOOL_RESULT), true);

		assertThat(turn.toolCall()).isNull();
		assertThat(turn.content()).isEqualTo("Here is what I found about \"What is otel?\" in 2 search results. "
				+ "The best match is \"OTel overview\" (https://example.com/otel). "
				+ "See also \"OTel guide\" (https://example.org/otel).");
		assertThat(turn.promptTokens()).isEqualTo(2 + 3 + 0 + FakeLanguageModel.countTokens(SEARCH_RESULTS));
		assertThat(turn.cachedPromptTokens()).isEqualTo(2 + 3);
		assertThat(turn.completionTokens()).isEqualTo(FakeLanguageModel.countTokens(turn.content()));
	}

	@Test
	void aNewQuestionAfterAnAnsweredOneIsSearchedAgain() {
		FakeLanguageModel.Turn turn = this.model
			.respond(List.of(QUESTION, TOOL_CALL, TOOL_RESULT, new FakeLanguageModel.Message("assistant", "An answer."),
					new FakeLanguageModel.Message("user", "And tracing?")), true);

		assertThat(turn.toolCall()).isNotNull();
		assertThat(turn.toolCall().arguments()).isEqualTo("{\"query\":\"And tracing?\"}");
	}

	@Test
	void withoutTheSearchToolItAnswersAtOnce() {
		FakeLanguageModel.Turn withoutTool = this.model.respond(List.of(new FakeLanguageModel.Message("user", "Hi")),
				false);
		FakeLanguageModel.Turn withOtherToolOutput = this.model.respond(List
			.of(new FakeLanguageModel.Message("user", "Hi"), new FakeLanguageModel.Message("tool", "42 degrees")),
				false);

		assertThat(withoutTool.toolCall()).isNull();
		assertThat(withoutTool.content()).isEqualTo("I have no tool results for \"Hi\", so I cannot cite a source.");
		assertThat(withOtherToolOutput.content())
			.isEqualTo("I read the tool output but found no search results for \"Hi\", so I cannot cite a source.");
	}

	@Test
	void sameConversationGetsSameTurn() {
		List<FakeLanguageModel.Message> messages = List.of(SYSTEM, QUESTION, TOOL_CALL, TOOL_RESULT);

		assertThat(this.model.respond(messages, true)).isEqualTo(new FakeLanguageModel().respond(messages, true));
	}

}
