package io.fastagentic.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The OpenTelemetry Collector that {@code e2e/collector/build.sh} builds, run with one of
 * the repository's configurations ({@code otel-config.yaml} unless a test names another)
 * as users run it. The tests change only what they must, in override files merged by the
 * collector itself ({@code --config} given more than once: maps merge, lists are
 * replaced), so the pipeline under test cannot drift from the one in the repository.
 */
final class Collector implements AutoCloseable {

	static final String BINARY = "e2e/collector/target/otelcol-fastagentic";

	static final String BUILD_SCRIPT = "e2e/collector/build.sh";

	private final Launch launch;

	private final ChildProcess process;

	private Collector(Launch launch, ChildProcess process) {
		this.launch = launch;
		this.process = process;
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
		return start(directory, "collector", "otel-config.yaml", Map.of(), override);
	}

	/**
	 * Starts a collector with one of the repository's configurations, its OTLP receivers
	 * moved to free loopback ports and its own telemetry endpoint off, then
	 * {@code override} merged over that; waits until both receivers accept connections.
	 * @param directory where the override files and the collector's log go
	 * @param name the collector's name, which names its files
	 * @param configuration the repository's configuration file
	 * @param environment variables the configuration reads ({@code ${env:...}})
	 * @param override YAML merged last
	 */
	static Collector start(Path directory, String name, String configuration, Map<String, String> environment,
			String override) throws IOException {
		int[] ports = ChildProcess.freePorts(2);
		Path receivers = Files.writeString(directory.resolve(name + "-receivers.yaml"), """
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
		Path test = Files.writeString(directory.resolve(name + "-test.yaml"), override);
		List<String> command = new ArrayList<>(List.of(RepositoryFiles.file(BINARY).toString(), "--config",
				RepositoryFiles.file(configuration).toString(), "--config", receivers.toString(), "--config",
				test.toString()));
		return launch(new Launch(name, directory.resolve(name + ".log"), command, environment, ports[0], ports[1]));
	}

	/**
	 * Starts this collector again, once stopped, with the same configuration and ports
	 * (as a restarted replica comes back at its address); its log continues the same
	 * file.
	 */
	Collector restart() throws IOException {
		return launch(this.launch);
	}

	private static Collector launch(Launch launch) throws IOException {
		ChildProcess process = ChildProcess.start(launch.name(), launch.log(), launch.command(), launch.environment());
		process.awaitListening(Duration.ofSeconds(30), launch.grpcPort(), launch.httpPort());
		return new Collector(launch, process);
	}

	/**
	 * A YAML string literal for a path in an override file.
	 */
	static String yamlString(Path path) {
		return "'" + path.toString().replace("'", "''") + "'";
	}

	String httpEndpoint() {
		return "http://127.0.0.1:" + this.launch.httpPort();
	}

	String grpcEndpoint() {
		return "http://127.0.0.1:" + this.launch.grpcPort();
	}

	/**
	 * The OTLP/gRPC receiver's address as another collector's exporter names it.
	 */
	String grpcAddress() {
		return "127.0.0.1:" + this.launch.grpcPort();
	}

	String log() {
		return this.process.log();
	}

	@Override
	public void close() {
		this.process.close();
	}

	private record Launch(String name, Path log, List<String> command, Map<String, String> environment, int grpcPort,
			int httpPort) {

	}

}
