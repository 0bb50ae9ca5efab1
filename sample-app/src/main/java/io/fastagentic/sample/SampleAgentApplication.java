package io.fastagentic.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A demo AI-agent web service: each chat request calls a search tool and an LLM over
 * HTTP, checkpoints its progress through JDBC and answers either as JSON or as a
 * server-sent event stream.
 *
 * @see ChatController
 * @see AgentService
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SampleAgentApplication {

	/**
	 * Starts the sample agent service.
	 * @param args the command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleAgentApplication.class, args);
	}

}
