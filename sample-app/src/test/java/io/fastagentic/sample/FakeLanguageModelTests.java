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
	void promptTokensAreTheWordsOfEveryMessageAndCompletionTokensTheWordsOfTheAnswer() {
		List<FakeLanguageModel.Message> messages = List.of(new FakeLanguageModel.Message("system", "Be brief."),
				new FakeLanguageModel.Message("user", "What is otel?"),
				new FakeLanguageModel.Message("assistant", null),
				new FakeLanguageModel.Message("tool", SEARCH_RESULTS));

		FakeLanguageModel.Completion completion = this.model.complete(messages);

		assertThat(completion.promptTokens()).isEqualTo(2 + 3 + 0 + FakeLanguageModel.countTokens(SEARCH_RESULTS));
		assertThat(completion.completionTokens()).isEqualTo(FakeLanguageModel.countTokens(completion.content()));
	}

	@Test
	void answerCitesTheSearchResultsOfToolMessages() {
		FakeLanguageModel.Completion completion = this.model
			.complete(List.of(new FakeLanguageModel.Message("user", "What is otel?"),
					new FakeLanguageModel.Message("tool", SEARCH_RESULTS)));

		assertThat(completion.content()).isEqualTo("Here is what I found about \"What is otel?\" in 2 search results. "
				+ "The best match is \"OTel overview\" (https://example.com/otel). "
				+ "See also \"OTel guide\" (https://example.org/otel).");
	}

	@Test
	void answerSaysSoWhenThereAreNoToolResults() {
		FakeLanguageModel.Completion withoutTool = this.model
			.complete(List.of(new FakeLanguageModel.Message("user", "Hi")));
		FakeLanguageModel.Completion withOtherToolOutput = this.model.complete(List
			.of(new FakeLanguageModel.Message("user", "Hi"), new FakeLanguageModel.Message("tool", "42 degrees")));

		assertThat(withoutTool.content()).isEqualTo("I have no tool results for \"Hi\", so I cannot cite a source.");
		assertThat(withOtherToolOutput.content())
			.isEqualTo("I read the tool output but found no search results for \"Hi\", so I cannot cite a source.");
	}

	@Test
	void sameConversationGetsSameCompletion() {
		List<FakeLanguageModel.Message> messages = List.of(new FakeLanguageModel.Message("user", "What is otel?"),
				new FakeLanguageModel.Message("tool", SEARCH_RESULTS));

		assertThat(this.model.complete(messages)).isEqualTo(new FakeLanguageModel().complete(messages));
	}

}
