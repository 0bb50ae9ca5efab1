package io.fastagentic.benchmarks.load;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the whole-application load run working: one mode of each peer (FastAgentic at 100
 * %, the plain Spring Boot peer, the OpenTelemetry Java agent), each in its child JVM, a
 * few hundred requests each. Asserts that every request succeeded and that the sink
 * received the spans each application made, never how fast anything is.
 */
class LoadRunSmokeTests {

	private static final int REQUESTS = 200;

	@Test
	void everyPeerRunsInItsOwnJvmAndExportsToTheSink() throws Exception {
		// JVMs quick to start (C1 only, one GC thread): nothing is measured here.
		LoadRun.Settings settings = LoadRun.Settings.parse(new String[] { "--clients=2", "--jvm-warmup=0",
				"--requests=" + REQUESTS, "--rounds=1", "--modes=RATE_100,PLAIN_BOOT_100,AGENT_100", "--heap=256m",
				"--jvm-options=-XX:TieredStopAtLevel=1,-XX:+UseSerialGC", "--soak=0", "--export-seconds=0" });
		assertThat(settings.agent()).as("the build copies the agent, see the pom").isNotNull();

		LoadRun.Report report = LoadRun.run(settings);

		Map<LoadMode, List<LoadRun.Phase>> phases = report.phases();
		assertThat(phases).containsOnlyKeys(LoadMode.RATE_100, LoadMode.PLAIN_BOOT_100, LoadMode.AGENT_100);
		phases.values().forEach((mode) -> assertThat(mode).singleElement().satisfies((phase) -> {
			assertThat(phase.result().requests()).isEqualTo(REQUESTS);
			assertThat(phase.cpuNanos()).isPositive();
			// At least the HTTP server span of every answered request, received by the
			// sink.
			assertThat(phase.counts().received()).isGreaterThanOrEqualTo(REQUESTS - phase.result().failures());
		}));
		// The applications with Spring Boot's SDK count their spans: everything recorded
		// at 100 % reached the sink, nothing was dropped.
		LoadRun.Counts fastAgentic = phases.get(LoadMode.RATE_100).get(0).counts();
		assertThat(fastAgentic.received()).isEqualTo(fastAgentic.recorded()).isEqualTo(fastAgentic.exported());
		assertThat(fastAgentic.dropped()).isZero();
		LoadRun.Counts plainBoot = phases.get(LoadMode.PLAIN_BOOT_100).get(0).counts();
		assertThat(plainBoot.received()).isEqualTo(plainBoot.recorded()).isEqualTo(plainBoot.sampled());
		// The agent's SDK is its own: only the sink counts its spans.
		LoadRun.Counts agent = phases.get(LoadMode.AGENT_100).get(0).counts();
		assertThat(agent.recorded()).isEqualTo(-1);
		assertThat(report.tables()).contains("-Xms256m -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC", "| 100 % |",
				"| plain Spring Boot peer, 100 % |", "| OpenTelemetry Java agent, 100 % |",
				"OpenTelemetry Java agent 2.");
	}

}
