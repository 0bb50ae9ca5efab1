package io.fastagentic.sample;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;
import org.yaml.snakeyaml.Yaml;

/**
 * The scenario of {@link CollectorEndToEndTests} with the published images that
 * {@code docker-compose.yml} pins (read from it, so they cannot drift): the OpenTelemetry
 * Collector (contrib) runs the repository's {@code otel-config.yaml} unchanged and
 * exports through its {@code otlp/jaeger} exporter to Jaeger v2 (network alias
 * {@code jaeger}); the test reads the trace back from Jaeger's query API. Needs Docker;
 * skipped without it.
 */
@Testcontainers(disabledWithoutDocker = true)
class CollectorContainerEndToEndTests {

	private static final Map<String, String> IMAGES = composeImages();

	private static final Network network = Network.newNetwork();

	@Container
	static final GenericContainer<?> jaeger = new GenericContainer<>(image("jaeger")).withNetwork(network)
		.withNetworkAliases("jaeger")
		.withExposedPorts(16686)
		.waitingFor(Wait.forHttp("/").forPort(16686));

	@Container
	static final GenericContainer<?> collector = new GenericContainer<>(image("otel-collector")).withNetwork(network)
		.withCopyFileToContainer(MountableFile.forHostPath(RepositoryFiles.file("otel-config.yaml")),
				"/etc/otel-config.yaml")
		.withCommand("--config", "/etc/otel-config.yaml")
		.withEnv("HONEYCOMB_API_KEY", "unset")
		.withExposedPorts(4317, 4318)
		.dependsOn(jaeger)
		.waitingFor(Wait.forLogMessage(".*Everything is ready.*", 1));

	private SampleAgent agent;

	@AfterEach
	void stopAgent() {
		if (this.agent != null) {
			this.agent.close();
		}
	}

	@Test
	void chatTraceExportedOverOtlpHttpReachesJaegerThroughTheCollector() throws Exception {
		this.agent = SampleAgent.start("--fastagentic.otel.endpoint=" + endpoint(4318));
		assertChatTraceReachesJaeger();
	}

	@Test
	void chatTraceExportedOverOtlpGrpcReachesJaegerThroughTheCollector() throws Exception {
		this.agent = SampleAgent.start("--fastagentic.otel.protocol=grpc",
				"--fastagentic.otel.endpoint=" + endpoint(4317));
		assertChatTraceReachesJaeger();
	}

	private void assertChatTraceReachesJaeger() throws Exception {
		SampleAgent.TraceResponse response = this.agent.chat();
		JaegerQuery query = new JaegerQuery("http://" + jaeger.getHost() + ":" + jaeger.getMappedPort(16686));
		ChatTrace.assertArrived(ChatTrace.awaitComplete(() -> query.trace(response.traceId()), collector::getLogs),
				response.traceId(), response.spanId());
	}

	private static String endpoint(int port) {
		return "http://" + collector.getHost() + ":" + collector.getMappedPort(port);
	}

	private static DockerImageName image(String service) {
		return DockerImageName.parse(IMAGES.get(service));
	}

	/**
	 * The image of each service of {@code docker-compose.yml}.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, String> composeImages() {
		try (Reader reader = Files.newBufferedReader(RepositoryFiles.file("docker-compose.yml"))) {
			Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) new Yaml()
				.<Map<String, Object>>load(reader)
				.get("services");
			Map<String, String> images = new LinkedHashMap<>();
			services.forEach((name, service) -> images.put(name, (String) service.get("image")));
			return images;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read docker-compose.yml", ex);
		}
	}

}
