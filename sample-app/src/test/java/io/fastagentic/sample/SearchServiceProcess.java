package io.fastagentic.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code sample-search-service} module's executable jar, run in a JVM of its own as
 * users run it ({@code java -jar} with command-line arguments), on a free loopback port:
 * the second service of a distributed agent run. The reactor packages the module before
 * this module's tests ({@code sample-app} depends on its POM for that order).
 */
final class SearchServiceProcess implements AutoCloseable {

	static final String JAR = "sample-search-service/target/sample-search-service-0.1.0-SNAPSHOT.jar";

	private final ChildProcess process;

	private final int port;

	private SearchServiceProcess(ChildProcess process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts the service and waits until it accepts connections.
	 * @param directory where its log goes
	 * @param arguments further command-line arguments
	 */
	static SearchServiceProcess start(Path directory, String... arguments) throws IOException {
		Path jar = RepositoryFiles.file(JAR);
		assertThat(jar).as("the search service's jar: run ./mvnw -B package -pl sample-search-service").isRegularFile();
		int port = ChildProcess.freePorts(1)[0];
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
						jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
		command.addAll(List.of(arguments));
		ChildProcess process = ChildProcess.start("the search service", directory.resolve("search-service.log"),
				command);
		process.awaitListening(Duration.ofSeconds(90), port);
		return new SearchServiceProcess(process, port);
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	String log() {
		return this.process.log();
	}

	@Override
	public void close() {
		this.process.close();
	}

}
