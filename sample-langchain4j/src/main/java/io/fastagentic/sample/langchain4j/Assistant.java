package io.fastagentic.sample.langchain4j;

import dev.langchain4j.service.TokenStream;

/**
 * The agent, a LangChain4j AI service: LangChain4j implements it on the chat models and
 * runs the {@link SearchTool} when the model asks for it.
 */
public interface Assistant {

	/**
	 * Answers a user message.
	 * @param message the user message
	 * @return the answer
	 */
	String chat(String message);

	/**
	 * Answers a user message as the model streams it.
	 * @param message the user message
	 * @return the stream of the answer, started by {@link TokenStream#start()}
	 */
	TokenStream chatStream(String message);

}
