package io.fastagentic.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A demo AI-agent web service built with Spring AI: for each chat request the model calls
 * a search tool and answers over HTTP, the run is checkpointed through JDBC, and the
 * answer comes as JSON or as a server-sent event stream.
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
