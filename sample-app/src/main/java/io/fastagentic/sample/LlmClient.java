package io.fastagentic.sample;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fastagentic.observation.AgentObservations;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A client of an OpenAI-compatible chat-completions endpoint,
 * {@code POST /v1/chat/completions}.
 */
@Component
public class LlmClient {

	/**
	 * The provider name recorded on llm.call spans.
	 */
	static final String PROVIDER = "openai";

	private final RestClient restClient;

	private final AgentObservations observations;

	/**
	 * Creates a client.
	 * @param providerRestClient the client configured for the provider's base URL
	 * @param observations traces each call as {@code llm.call {model}}
	 */
	public LlmClient(RestClient providerRestClient, AgentObservations observations) {
		this.restClient = providerRestClient;
		this.observations = observations;
	}

	/**
	 * Asks the model to answer a conversation.
	 * @param model the model name
	 * @param messages the conversation, oldest message first
	 * @return the model's answer
	 * @throws ProviderException if the provider fails, cannot be reached or returns no
	 * answer
	 */
	public Completion complete(String model, List<ChatMessage> messages) {
		return this.observations.llmCall(PROVIDER, model, (call) -> {
			Completion completion = request(model, messages);
			call.usage(completion.usage().promptTokens(), completion.usage().completionTokens())
				.responseModel(completion.model())
				.completion(completion.content());
			return completion;
		});
	}

	private Completion request(String model, List<ChatMessage> messages) {
		ChatCompletionResponse response;
		try {
			response = this.restClient.post()
				.uri("/v1/chat/completions")
				.contentType(MediaType.APPLICATION_JSON)
				.body(new ChatCompletionRequest(model, messages))
				.retrieve()
				.body(ChatCompletionResponse.class);
		}
		catch (RestClientException ex) {
			throw ProviderException.of("llm", ex);
		}
		Choice choice = (response != null && response.choices() != null && !response.choices().isEmpty())
				? response.choices().get(0) : null;
		String content = (choice != null && choice.message() != null) ? choice.message().content() : null;
		if (response == null || content == null) {
			throw new ProviderException("llm", "The llm service returned no answer", null);
		}
		TokenUsage usage = (response.usage() != null) ? response.usage() : new TokenUsage(0, 0);
		String answeringModel = (response.model() != null) ? response.model() : model;
		return new Completion(content, answeringModel, usage);
	}

	/**
	 * One message of a chat-completions conversation, in the OpenAI wire format.
	 *
	 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
	 * @param content the text, {@code null} for an assistant message that only calls
	 * tools
	 * @param toolCalls the tools an assistant message calls
	 * @param toolCallId for a {@code tool} message, the call it answers
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ChatMessage(String role, @Nullable String content,
			@JsonProperty("tool_calls") @Nullable List<ToolCall> toolCalls,
			@JsonProperty("tool_call_id") @Nullable String toolCallId) {

		/**
		 * Creates a system message.
		 * @param content the instructions
		 * @return the message
		 */
		public static ChatMessage system(String content) {
			return new ChatMessage("system", content, null, null);
		}

		/**
		 * Creates a user message.
		 * @param content what the user said
		 * @return the message
		 */
		public static ChatMessage user(String content) {
			return new ChatMessage("user", content, null, null);
		}

		/**
		 * Creates an assistant message that calls a function tool.
		 * @param callId identifies the call, so that the tool's answer can refer to it
		 * @param function the function name
		 * @param arguments the arguments, as a JSON document
		 * @return the message
		 */
		public static ChatMessage toolCall(String callId, String function, String arguments) {
			return new ChatMessage("assistant", null,
					List.of(new ToolCall(callId, "function", new FunctionCall(function, arguments))), null);
		}

		/**
		 * Creates a message carrying a tool's answer.
		 * @param callId the call it answers
		 * @param content the tool's answer
		 * @return the message
		 */
		public static ChatMessage toolResult(String callId, String content) {
			return new ChatMessage("tool", content, null, callId);
		}

	}

	/**
	 * A tool call made by the assistant.
	 *
	 * @param id identifies the call
	 * @param type always {@code function}
	 * @param function the called function
	 */
	public record ToolCall(String id, String type, FunctionCall function) {

	}

	/**
	 * A function invocation.
	 *
	 * @param name the function name
	 * @param arguments the arguments, as a JSON document
	 */
	public record FunctionCall(String name, String arguments) {

	}

	/**
	 * The model's answer.
	 *
	 * @param content the answer text
	 * @param model the model that answered, as reported by the provider
	 * @param usage the tokens the call consumed
	 */
	public record Completion(String content, String model, TokenUsage usage) {

	}

	record ChatCompletionRequest(String model, List<ChatMessage> messages) {

	}

	record ChatCompletionResponse(@Nullable String model, @Nullable List<Choice> choices, @Nullable TokenUsage usage) {

	}

	record Choice(@Nullable ChatMessage message) {

	}

}
