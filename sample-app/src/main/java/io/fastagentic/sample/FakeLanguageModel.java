package io.fastagentic.sample;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deterministic "model" behind {@link FakeProviderServer}: it writes an answer that
 * cites the search results it was given and counts tokens as whitespace-separated words,
 * so tests can predict both.
 */
public final class FakeLanguageModel {

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	/**
	 * Counts the tokens of a text the way this model does: one token per
	 * whitespace-separated word.
	 * @param text the text, possibly {@code null}
	 * @return the number of words, {@code 0} for {@code null} or blank text
	 */
	public static int countTokens(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return 0;
		}
		return text.strip().split("\\s+").length;
	}

	/**
	 * Answers a conversation.
	 * @param messages the conversation, oldest message first
	 * @return the answer with its token usage: prompt tokens are the words of every
	 * message's content, completion tokens the words of the answer
	 */
	public Completion complete(List<Message> messages) {
		String question = lastUserContent(messages);
		String answer = answer((question != null) ? question.strip() : "", messages);
		int promptTokens = messages.stream().mapToInt((message) -> countTokens(message.content())).sum();
		return new Completion(answer, promptTokens, countTokens(answer));
	}

	/**
	 * Returns the content of the last {@code user} message of a conversation.
	 * @param messages the conversation, oldest message first
	 * @return the content, or {@code null} if no user message has any
	 */
	static @Nullable String lastUserContent(List<Message> messages) {
		for (int i = messages.size() - 1; i >= 0; i--) {
			Message message = messages.get(i);
			if ("user".equals(message.role()) && message.content() != null) {
				return message.content();
			}
		}
		return null;
	}

	private String answer(String question, List<Message> messages) {
		List<Message> toolMessages = messages.stream().filter((message) -> "tool".equals(message.role())).toList();
		if (toolMessages.isEmpty()) {
			return "I have no tool results for \"" + question + "\", so I cannot cite a source.";
		}
		List<String> citations = new ArrayList<>();
		for (Message toolMessage : toolMessages) {
			citations.addAll(citations(toolMessage.content()));
		}
		if (citations.isEmpty()) {
			return "I read the tool output but found no search results for \"" + question
					+ "\", so I cannot cite a source.";
		}
		StringBuilder answer = new StringBuilder();
		answer.append("Here is what I found about \"").append(question).append("\" in ").append(citations.size());
		answer.append((citations.size() == 1) ? " search result. " : " search results. ");
		answer.append("The best match is ").append(citations.get(0)).append('.');
		if (citations.size() > 1) {
			answer.append(" See also ")
				.append(String.join(" and ", citations.subList(1, citations.size())))
				.append('.');
		}
		return answer.toString();
	}

	// Tool output is whatever the caller chose to send, so anything that is not the
	// search tool's JSON simply yields no citations rather than an error.
	private List<String> citations(@Nullable String toolContent) {
		if (toolContent == null) {
			return List.of();
		}
		JsonNode results;
		try {
			results = this.jsonMapper.readTree(toolContent).path("results");
		}
		catch (JacksonException ex) {
			return List.of();
		}
		List<String> citations = new ArrayList<>();
		for (JsonNode result : results) {
			JsonNode title = result.path("title");
			JsonNode url = result.path("url");
			if (title.isString() && url.isString()) {
				citations.add("\"" + title.stringValue() + "\" (" + url.stringValue() + ")");
			}
		}
		return citations;
	}

	/**
	 * One message of a conversation.
	 *
	 * @param role who wrote it: {@code system}, {@code user}, {@code assistant} or
	 * {@code tool}
	 * @param content its text, {@code null} for messages without text such as tool calls
	 */
	public record Message(String role, @Nullable String content) {

	}

	/**
	 * An answer with its token usage.
	 *
	 * @param content the answer
	 * @param promptTokens tokens of the conversation that was answered
	 * @param completionTokens tokens of the answer
	 */
	public record Completion(String content, int promptTokens, int completionTokens) {

	}

}
