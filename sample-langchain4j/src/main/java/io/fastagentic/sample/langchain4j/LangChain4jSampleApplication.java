package io.fastagentic.sample.langchain4j;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample agent service built with LangChain4j: for each chat request an AI service
 * calls the model, which calls a search tool, over HTTP, the answer is checkpointed
 * through JDBC, and it comes as JSON or as a server-sent event stream. FastAgentic traces
 * it without a line of tracing code for the model and tool calls.
 *
 * @see ChatController
 * @see Assistant
 */
@SpringBootApplication
public class LangChain4jSampleApplication {

	/**
	 * Starts the sample agent service.
	 * @param args the command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(LangChain4jSampleApplication.class, args);
	}

}
