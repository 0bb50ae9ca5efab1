package io.fastagentic.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The OpenTelemetry Collector that {@code e2e/collector/build.sh} builds, run with the
 * repository's {@code otel-config.yaml} as users run it. The tests change only what they
 * must, in override files merged by the collector itself ({@code --config} given more
 * than once: maps merge, lists are replaced), so the pipeline under test cannot drift
 * from the one in the repository.
 */
final class Collector implements AutoCloseable {

	static final String BINARY = "e2e/collector/target/otelcol-fastagentic";

	static final String BUILD_SCRIPT = "e2e/collector/build.sh";

	private final ChildProcess process;

	private final int grpcPort;

	private final int httpPort;

	private Collector(ChildProcess process, int grpcPort, int httpPort) {
		this.process = process;
		this.grpcPort = grpcPort;
		this.httpPort = httpPort;
	}

	/**
	 * Aborts the calling test unless the collector has been built.
	 */
	static void assumeBuilt() {
		Path binary = RepositoryFiles.file(BINARY);
		assumeTrue(Files.isExecutable(binary),
				() -> "No collector at " + BINARY + ": run " + BUILD_SCRIPT + " first (CI always does)");
	}

	/**
	 * Starts the collector with {@code otel-config.yaml}, its OTLP receivers moved to
	 * free loopback ports and its own telemetry endpoint off (it would listen on port
	 * 8888), then {@code override} merged over that; waits until both receivers accept
	 * connections.
	 * @param directory where the override files and the collector's log go
	 * @param override YAML merged last
	 */
	static Collector start(Path directory, String override) throws IOException {
		int[] ports = ChildProcess.freePorts(2);
		Path receivers = Files.writeString(directory.resolve("collector-receivers.yaml"), """
				receivers:
				  otlp:
				    protocols:
				      grpc:
				        endpoint: 127.0.0.1:%d
				      http:
				        endpoint: 127.0.0.1:%d
				service:
				  telemetry:
				    metrics:
				      level: none
				""".formatted(ports[0], ports[1]));
		Path test = Files.writeString(directory.resolve("collector-test.yaml"), override);
		List<String> command = new ArrayList<>(List.of(RepositoryFiles.file(BINARY).toString(), "--config",
				RepositoryFiles.file("otel-config.yaml").toString(), "--config", receivers.toString(), "--config",
				test.toString()));
		ChildProcess process = ChildProcess.start("the collector", directory.resolve("collector.log"), command);
		Collector collector = new Collector(process, ports[0], ports[1]);
		try {
			process.awaitListening(Duration.ofSeconds(30), ports);
		}
		catch (AssertionError ex) {
			collector.close();
			throw ex;
		}
		return collector;
	}

	/**
	 * A YAML string literal for a path in an override file.
	 */
	static String yamlString(Path path) {
		return "'" + path.toString().replace("'", "''") + "'";
	}

	String httpEndpoint() {
		return "http://127.0.0.1:" + this.httpPort;
	}

	String grpcEndpoint() {
		return "http://127.0.0.1:" + this.grpcPort;
	}

	String log() {
		return this.process.log();
	}

	@Override
	public void close() {
		this.process.close();
	}

}
