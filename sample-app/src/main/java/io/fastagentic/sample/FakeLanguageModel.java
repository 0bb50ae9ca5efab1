package io.fastagentic.sample;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deterministic "model" behind {@link FakeProviderServer}. Offered the
 * {@value #SEARCH_TOOL} tool, it answers a user message by calling it; given the tool's
 * results, it writes an answer that cites them. It counts tokens as whitespace-separated
 * words, so tests can predict the usage.
 */
public final class FakeLanguageModel {

	/**
	 * The name of the tool the model calls before answering, when it is offered.
	 */
	public static final String SEARCH_TOOL = "search";

	/**
	 * The id of the model's tool call: one call per user message, so a fixed id is unique
	 * within a conversation.
	 */
	public static final String SEARCH_CALL_ID = "call_search";

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
	 * Takes the model's turn in a conversation.
	 * @param messages the conversation, oldest message first
	 * @param searchOffered whether the caller offered the {@value #SEARCH_TOOL} tool
	 * @return a call of the {@value #SEARCH_TOOL} tool if it is offered and the last user
	 * message has no tool results yet, else the answer. Prompt tokens are the words of
	 * every message's content, of which those before the model's previous turn are cached
	 * (the provider saw them in the previous round); completion tokens are the words of
	 * the answer or of the tool call's arguments.
	 */
	public Turn respond(List<Message> messages, boolean searchOffered) {
		String question = lastUserContent(messages);
		question = (question != null) ? question.strip() : "";
		int promptTokens = messages.stream().mapToInt((message) -> countTokens(message.content())).sum();
		int cachedTokens = cachedTokens(messages);
		if (searchOffered && !hasToolResultsAfterLastUserMessage(messages)) {
			String arguments = this.jsonMapper
				.writeValueAsString(this.jsonMapper.createObjectNode().put("query", question));
			return new Turn(null, new ToolCall(SEARCH_CALL_ID, SEARCH_TOOL, arguments), promptTokens, cachedTokens,
					countTokens(arguments));
		}
		String answer = answer(question, messages);
		return new Turn(answer, null, promptTokens, cachedTokens, countTokens(answer));
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

	private static boolean hasToolResultsAfterLastUserMessage(List<Message> messages) {
		for (int i = messages.size() - 1; i >= 0; i--) {
			String role = messages.get(i).role();
			if ("tool".equals(role)) {
				return true;
			}
			if ("user".equals(role)) {
				return false;
			}
		}
		return false;
	}

	private static int cachedTokens(List<Message> messages) {
		int lastAssistant = -1;
		for (int i = 0; i < messages.size(); i++) {
			if ("assistant".equals(messages.get(i).role())) {
				lastAssistant = i;
			}
		}
		return messages.subList(0, Math.max(lastAssistant, 0))
			.stream()
			.mapToInt((message) -> countTokens(message.content()))
			.sum();
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
	 * The model's turn: either an answer or a tool call, with its token usage.
	 *
	 * @param content the answer, {@code null} when the model calls a tool
	 * @param toolCall the tool the model calls, {@code null} when it answers
	 * @param promptTokens tokens of the conversation the model was given
	 * @param cachedPromptTokens the part of the prompt tokens the provider had cached
	 * @param completionTokens tokens of the answer or of the tool call's arguments
	 */
	public record Turn(@Nullable String content, @Nullable ToolCall toolCall, int promptTokens, int cachedPromptTokens,
			int completionTokens) {

	}

	/**
	 * A call of a function tool.
	 *
	 * @param id identifies the call, so that the tool's answer can refer to it
	 * @param name the function name
	 * @param arguments the arguments, as a JSON document
	 */
	public record ToolCall(String id, String name, String arguments) {

	}

}
